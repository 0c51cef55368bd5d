package io.trailwatch.rules.streams;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.trailwatch.contracts.OutlierDetails.Contributor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events of one open slice of one series: how many, and who contributed them (principals, source addresses,
 * countries, accounts). Each dimension keeps at most {@link #MAX_DISTINCT} values; further new values are counted
 * as {@value #OTHER}, so a slice's state stays bounded.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class SliceCounts {

    static final int MAX_DISTINCT = 1000;
    static final String OTHER = "(other)";
    static final int TOP = 5;

    long count;
    TreeMap<String, Long> principals = new TreeMap<>();
    TreeMap<String, Long> sourceIps = new TreeMap<>();
    TreeMap<String, Long> countries = new TreeMap<>();
    TreeMap<String, Long> accounts = new TreeMap<>();

    void add(String principal, String sourceIp, String country, String account) {
        count++;
        increment(principals, principal);
        increment(sourceIps, sourceIp);
        increment(countries, country);
        increment(accounts, account);
    }

    List<Contributor> topPrincipals() {
        return top(principals);
    }

    List<Contributor> topSourceIps() {
        return top(sourceIps);
    }

    List<Contributor> topCountries() {
        return top(countries);
    }

    /** The account with most events, or null. */
    Contributor topAccount() {
        List<Contributor> top = top(accounts);
        return top.isEmpty() ? null : top.get(0);
    }

    private static void increment(Map<String, Long> counts, String value) {
        if (value == null) {
            return;
        }
        String key = counts.size() >= MAX_DISTINCT && !counts.containsKey(value) ? OTHER : value;
        counts.merge(key, 1L, Long::sum);
    }

    /** Most frequent first, ties by value, so the result does not depend on arrival order. */
    private static List<Contributor> top(Map<String, Long> counts) {
        List<Contributor> all = new ArrayList<>(counts.size());
        counts.forEach((value, n) -> all.add(new Contributor(value, n)));
        all.sort(Comparator.comparingLong(Contributor::count).reversed().thenComparing(Contributor::value));
        return List.copyOf(all.subList(0, Math.min(TOP, all.size())));
    }
}
