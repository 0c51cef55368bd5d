package io.trailwatch.query.service;

import io.trailwatch.query.repository.DashboardRepository.GroupCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of a range per panel and principal and per panel and source address, summed, with each list sorted
 * largest first once: a week holds tens of thousands of values, and the dashboard needs only the top few of them,
 * again on every refresh.
 */
final class GroupTotals {

    /** One entry of a panel's top list. */
    record Top(String panelId, String dimension, String value, long count) {
    }

    private static final Comparator<Map.Entry<String, Long>> LARGEST_FIRST =
            Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey);

    /** Per panel id and dimension ("principal", "sourceIPAddress"): the sum per value. */
    private final Map<List<String>, Map<String, Long>> sums = new HashMap<>();
    private final Map<List<String>, List<Map.Entry<String, Long>>> sorted = new HashMap<>();
    private final int values;

    GroupTotals(List<GroupCount> counts) {
        for (GroupCount g : counts) {
            sums.computeIfAbsent(List.of(g.panelId(), g.dimension()), k -> new HashMap<>())
                    .merge(g.value(), g.count(), Long::sum);
        }
        sums.forEach((key, byValue) -> {
            List<Map.Entry<String, Long>> entries = new ArrayList<>(byValue.entrySet());
            entries.sort(LARGEST_FIRST);
            sorted.put(key, entries);
        });
        values = sums.values().stream().mapToInt(Map::size).sum();
    }

    /** How many values it holds (its size in a cache). */
    int values() {
        return values;
    }

    /**
     * The {@code n} largest values of each panel and dimension of these totals plus {@code more}, exactly: a value
     * outside {@code more} keeps its count here, so only the first {@code n + |more|} values here can be among them.
     */
    List<Top> top(int n, GroupTotals more) {
        List<Top> tops = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>(sorted.keySet());
        more.sorted.keySet().stream().filter(k -> !sorted.containsKey(k)).forEach(keys::add);
        for (List<String> key : keys) {
            Map<String, Long> extra = more.sums.getOrDefault(key, Map.of());
            Map<String, Long> mine = sums.getOrDefault(key, Map.of());
            List<Map.Entry<String, Long>> candidates = new ArrayList<>();
            extra.forEach((value, count) -> candidates.add(Map.entry(value, count + mine.getOrDefault(value, 0L))));
            int taken = 0;
            for (Map.Entry<String, Long> entry : sorted.getOrDefault(key, List.of())) {
                if (taken == n) {
                    break;
                }
                if (!extra.containsKey(entry.getKey())) {
                    candidates.add(entry);
                    taken++;
                }
            }
            candidates.sort(LARGEST_FIRST);
            candidates.stream().limit(n)
                    .forEach(e -> tops.add(new Top(key.get(0), key.get(1), e.getKey(), e.getValue())));
        }
        return tops;
    }
}
