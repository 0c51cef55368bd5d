package io.trailwatch.query.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.DashboardRepository;
import io.trailwatch.query.repository.DashboardRepository.Aggregate;
import io.trailwatch.query.repository.DashboardRepository.GroupCount;
import io.trailwatch.query.repository.DashboardRepository.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's counts for a range, read per hour of eventTime. A whole hour is kept in memory and reused while
 * its version in {@code query.finding_hours} is unchanged (every statement that stores a finding of the hour raises
 * it), so a week's dashboard reads only the hours that received findings since it was last drawn, plus the partial
 * hours at the ends of the range. Memory is bounded by the number of cached rows.
 */
@ApplicationScoped
public class DashboardHours {

    /** The counts of a range, merged from its hours. */
    public record Counts(List<Aggregate> aggregates, List<GroupCount> groups) {
    }

    private record Key(List<String> accountIds, List<String> regions, Instant hour) {
    }

    /** A filter as a cache key: the same accounts in another order or repeated are the same filter. */
    private static List<String> normalised(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().sorted().toList();
    }

    /** One hour's counts; {@code groups} is null when they were not asked for when the hour was read. */
    private record Hour(long version, List<Aggregate> aggregates, List<GroupCount> groups) {
        int rows() {
            return 1 + aggregates.size() + (groups == null ? 0 : groups.size());
        }
    }

    private final DashboardRepository repository;
    private final Duration timeout;
    private final Cache<Key, Hour> hours;

    public DashboardHours(DashboardRepository repository, QueryConfig config) {
        this.repository = repository;
        this.timeout = config.search().timeout();
        this.hours = Caffeine.newBuilder()
                .maximumWeight(config.dashboard().cachedRows())
                .weigher((Key key, Hour hour) -> hour.rows())
                .build();
    }

    /**
     * The counts of {@code [from, to)} (whole minutes) within the accounts and regions (empty: all).
     *
     * @param withGroups whether the per-principal and per-address counts of the top lists are needed
     */
    public Counts read(Instant from, Instant to, List<String> accountIds, List<String> regions,
                       List<String> highlightedEventNames, Map<String, String> panelOfRule, boolean withGroups) {
        Instant firstWhole = ceilHour(from);
        Instant endWhole = to.truncatedTo(ChronoUnit.HOURS);
        Counts counts = new Counts(new ArrayList<>(), new ArrayList<>());
        if (!firstWhole.isBefore(endWhole)) {
            add(counts, readLive(from, to, accountIds, regions, highlightedEventNames, panelOfRule, withGroups));
            return counts;
        }
        if (from.isBefore(firstWhole)) {
            add(counts, readLive(from, firstWhole, accountIds, regions, highlightedEventNames, panelOfRule,
                    withGroups));
        }
        // The versions are read before the counts: a finding stored in between makes the copy look older than it
        // is (read again next time), never newer.
        Map<Instant, Long> versions = repository.hourVersions(firstWhole, endWhole, timeout);
        List<String> accountKey = normalised(accountIds);
        List<String> regionKey = normalised(regions);
        Instant missingFrom = null;
        for (Instant hour = firstWhole; hour.isBefore(endWhole); hour = hour.plus(1, ChronoUnit.HOURS)) {
            Hour known = hours.getIfPresent(new Key(accountKey, regionKey, hour));
            boolean usable = known != null && known.version() == versions.getOrDefault(hour, 0L)
                    && (!withGroups || known.groups() != null);
            if (usable) {
                if (missingFrom != null) {
                    readWhole(counts, missingFrom, hour, versions, accountIds, regions, highlightedEventNames,
                            panelOfRule, withGroups);
                    missingFrom = null;
                }
                counts.aggregates().addAll(known.aggregates());
                if (withGroups) {
                    counts.groups().addAll(known.groups());
                }
            } else if (missingFrom == null) {
                missingFrom = hour;
            }
        }
        if (missingFrom != null) {
            readWhole(counts, missingFrom, endWhole, versions, accountIds, regions, highlightedEventNames,
                    panelOfRule, withGroups);
        }
        if (endWhole.isBefore(to)) {
            add(counts, readLive(endWhole, to, accountIds, regions, highlightedEventNames, panelOfRule, withGroups));
        }
        return counts;
    }

    /** Reads the whole hours {@code [from, to)} in one query each for counts and groups, and keeps each hour. */
    private void readWhole(Counts counts, Instant from, Instant to, Map<Instant, Long> versions,
                           List<String> accountIds, List<String> regions, List<String> highlightedEventNames,
                           Map<String, String> panelOfRule, boolean withGroups) {
        Counts read = readLive(from, to, accountIds, regions, highlightedEventNames, panelOfRule, withGroups);
        add(counts, read);
        Map<Instant, List<Aggregate>> aggregatesByHour = new HashMap<>();
        read.aggregates().forEach(a -> aggregatesByHour.computeIfAbsent(a.bucket().truncatedTo(ChronoUnit.HOURS),
                h -> new ArrayList<>()).add(a));
        Map<Instant, List<GroupCount>> groupsByHour = new HashMap<>();
        read.groups().forEach(g -> groupsByHour.computeIfAbsent(g.hour(), h -> new ArrayList<>()).add(g));
        for (Instant hour = from; hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
            hours.put(new Key(normalised(accountIds), normalised(regions), hour), new Hour(versions.getOrDefault(hour, 0L),
                    List.copyOf(aggregatesByHour.getOrDefault(hour, List.of())),
                    withGroups ? List.copyOf(groupsByHour.getOrDefault(hour, List.of())) : null));
        }
    }

    private Counts readLive(Instant from, Instant to, List<String> accountIds, List<String> regions,
                            List<String> highlightedEventNames, Map<String, String> panelOfRule, boolean withGroups) {
        Scope scope = new Scope(from, to, accountIds, regions);
        return new Counts(repository.aggregates(scope, highlightedEventNames, timeout),
                withGroups ? repository.groupCounts(scope, panelOfRule, timeout) : List.of());
    }

    private static void add(Counts counts, Counts more) {
        counts.aggregates().addAll(more.aggregates());
        counts.groups().addAll(more.groups());
    }

    private static Instant ceilHour(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.HOURS);
    }
}
