package io.trailwatch.query.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.DashboardRepository;
import io.trailwatch.query.repository.DashboardRepository.Aggregate;
import io.trailwatch.query.repository.DashboardRepository.GroupCount;
import io.trailwatch.query.repository.DashboardRepository.Point;
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
 * The dashboard's counts and outlier series points for a range, read per hour. A whole hour is kept in memory and
 * reused while its version in {@code query.dashboard_hours} is unchanged (every statement that stores a finding or a
 * series point of the hour raises it), so a week's dashboard reads only the hours that changed since it was last
 * drawn, plus the partial hours at the ends of the range. The sums over a range's whole hours but the last are kept
 * too (a dashboard that refreshes keeps the same whole hours for up to an hour), so a refresh adds a few hours to
 * them. Memory is bounded by the number of cached rows.
 */
@ApplicationScoped
public class DashboardHours {

    /**
     * The counts of a range, in two parts to be added up: its settled whole hours, and its partial hours with the
     * last whole hour; and its outlier series points (in no particular order).
     */
    public record Counts(RangeCounts wholeHours, RangeCounts partialHours, GroupTotals wholeHourGroups,
                         GroupTotals partialHourGroups, List<Point> points) {

        List<RangeCounts> parts() {
            return List.of(wholeHours, partialHours);
        }

        /** Each panel's {@code n} top principals and source addresses. */
        List<GroupTotals.Top> top(int n) {
            return wholeHourGroups.top(n, partialHourGroups);
        }
    }

    private record Key(List<String> accountIds, List<String> regions, Instant hour) {
    }

    private record SpanKey(List<String> accountIds, List<String> regions, Instant from, Instant to) {
    }

    /** One hour's counts; {@code groups} and {@code points} are null when they were not asked for. */
    private record Hour(long version, Map<String, List<Aggregate>> byRule, List<GroupCount> groups,
                        List<Point> points) {
        int rows() {
            return 1 + byRule.values().stream().mapToInt(List::size).sum() + (groups == null ? 0 : groups.size())
                    + (points == null ? 0 : points.size());
        }

        boolean has(Needs needs) {
            return (!needs.groups() || groups != null) && (!needs.points() || points != null);
        }

        /** Adds what this hour has of what {@code needs} asks for to {@code into}. */
        void addTo(Needs needs, Map<String, List<Aggregate>> into, List<GroupCount> groupsInto,
                   List<Point> pointsInto) {
            if (needs.aggregates()) {
                byRule.forEach((rule, list) -> into.computeIfAbsent(rule, r -> new ArrayList<>()).addAll(list));
            }
            if (needs.groups()) {
                groupsInto.addAll(groups);
            }
            if (needs.points()) {
                pointsInto.addAll(points);
            }
        }
    }

    /** What a read of hours needs. */
    private record Needs(boolean aggregates, boolean groups, boolean points) {
    }

    /**
     * What was summed over a span of whole hours, and the hours' versions it was summed from: the rollups per series
     * bucket size, and the top lists' totals (null until asked for).
     */
    private record Span(List<Long> versions, Map<Long, RangeCounts> counts, GroupTotals groups) {
        int entries() {
            return 1 + counts.values().stream().mapToInt(RangeCounts::entries).sum()
                    + (groups == null ? 0 : groups.values());
        }
    }

    private static final GroupTotals NO_GROUPS = new GroupTotals(List.of());

    private final DashboardRepository repository;
    private final Duration timeout;
    private final Cache<Key, Hour> hours;
    private final Cache<SpanKey, Span> spans;

    public DashboardHours(DashboardRepository repository, QueryConfig config) {
        this.repository = repository;
        this.timeout = config.search().timeout();
        this.hours = Caffeine.newBuilder()
                .maximumWeight(config.dashboard().cachedRows())
                .weigher((Key key, Hour hour) -> hour.rows())
                .build();
        this.spans = Caffeine.newBuilder()
                .maximumWeight(config.dashboard().cachedRows())
                .weigher((SpanKey key, Span span) -> span.entries())
                .build();
    }

    /**
     * The counts of {@code [from, to)} (whole minutes) within the accounts and regions (empty: all), their series in
     * buckets of {@code bucketSeconds}.
     *
     * @param withGroups whether the per-principal and per-address counts of the top lists are needed
     * @param withPoints whether the outlier series points are needed
     */
    public Counts read(Instant from, Instant to, long bucketSeconds, List<String> accountIds, List<String> regions,
                       List<String> highlightedEventNames, Map<String, String> panelOfRule, boolean withGroups,
                       boolean withPoints) {
        Needs edges = new Needs(true, withGroups, withPoints);
        Query query = new Query(normalised(accountIds), normalised(regions), highlightedEventNames, panelOfRule);
        Instant firstWhole = ceilHour(from);
        Instant endWhole = to.truncatedTo(ChronoUnit.HOURS);
        Map<String, List<Aggregate>> partialAggregates = new HashMap<>();
        List<GroupCount> partialGroups = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        if (!firstWhole.isBefore(endWhole)) {
            query.read(from, to, edges).addTo(edges, partialAggregates, partialGroups, points);
            return new Counts(RangeCounts.NONE, new RangeCounts(partialAggregates, bucketSeconds), NO_GROUPS,
                    new GroupTotals(partialGroups), points);
        }
        if (from.isBefore(firstWhole)) {
            query.read(from, firstWhole, edges).addTo(edges, partialAggregates, partialGroups, points);
        }
        if (endWhole.isBefore(to)) {
            query.read(endWhole, to, edges).addTo(edges, partialAggregates, partialGroups, points);
        }

        // The versions are read before the counts: a finding stored in between makes the copy look older than it
        // is (read again next time), never newer.
        Map<Instant, Long> stored = repository.hourVersions(firstWhole, endWhole, timeout);
        List<Long> versions = new ArrayList<>();
        for (Instant hour = firstWhole; hour.isBefore(endWhole); hour = hour.plus(1, ChronoUnit.HOURS)) {
            versions.add(stored.getOrDefault(hour, 0L));
        }
        // The last whole hour still receives late findings for minutes after it closed (CloudTrail delivers them
        // late): it is added like the partial hours, so those do not make the span's sums be summed again.
        Instant spanEnd = endWhole.minus(1, ChronoUnit.HOURS);
        query.readWholeHours(spanEnd, versions.subList(versions.size() - 1, versions.size()), edges,
                partialAggregates, partialGroups, points);
        List<Long> spanVersions = versions.subList(0, versions.size() - 1);
        if (spanVersions.isEmpty()) {
            return new Counts(RangeCounts.NONE, new RangeCounts(partialAggregates, bucketSeconds), NO_GROUPS,
                    new GroupTotals(partialGroups), points);
        }
        SpanKey spanKey = new SpanKey(query.accountIds, query.regions, firstWhole, spanEnd);
        Span span = spans.getIfPresent(spanKey);
        if (span == null || !span.versions().equals(spanVersions)) {
            span = new Span(List.copyOf(spanVersions), Map.of(), null);
        }
        Needs whole = new Needs(!span.counts().containsKey(bucketSeconds), withGroups && span.groups() == null,
                withPoints);
        if (whole.aggregates() || whole.groups() || whole.points()) {
            Map<String, List<Aggregate>> aggregates = new HashMap<>();
            List<GroupCount> groups = new ArrayList<>();
            query.readWholeHours(firstWhole, spanVersions, whole, aggregates, groups, points);
            if (whole.aggregates() || whole.groups()) {
                Map<Long, RangeCounts> counts = new HashMap<>(span.counts());
                if (whole.aggregates()) {
                    counts.put(bucketSeconds, new RangeCounts(aggregates, bucketSeconds));
                }
                span = new Span(span.versions(), Map.copyOf(counts), whole.groups() ? new GroupTotals(groups)
                        : span.groups());
                spans.put(spanKey, span);
            }
        }
        return new Counts(span.counts().get(bucketSeconds), new RangeCounts(partialAggregates, bucketSeconds),
                withGroups ? span.groups() : NO_GROUPS, new GroupTotals(partialGroups), points);
    }

    /** One read's filters and what it needs. */
    private final class Query {
        private final List<String> accountIds;
        private final List<String> regions;
        private final List<String> highlightedEventNames;
        private final Map<String, String> panelOfRule;

        Query(List<String> accountIds, List<String> regions, List<String> highlightedEventNames,
              Map<String, String> panelOfRule) {
            this.accountIds = accountIds;
            this.regions = regions;
            this.highlightedEventNames = highlightedEventNames;
            this.panelOfRule = panelOfRule;
        }

        /**
         * Adds the whole hours from {@code first} on (one per version) to {@code byRule}, {@code groups} and
         * {@code points} as {@code needs} says: from memory where the version matches, otherwise read in one query
         * each per run of missing hours and kept.
         */
        void readWholeHours(Instant first, List<Long> versions, Needs needs, Map<String, List<Aggregate>> byRule,
                            List<GroupCount> groups, List<Point> points) {
            int missingFrom = -1;
            for (int i = 0; i <= versions.size(); i++) {
                Hour known = i == versions.size() ? null : hours.getIfPresent(key(first, i));
                boolean usable = known != null && known.version() == versions.get(i) && known.has(needs);
                if (usable || i == versions.size()) {
                    if (missingFrom >= 0) {
                        readAndKeep(first, missingFrom, i, versions, needs, byRule, groups, points);
                        missingFrom = -1;
                    }
                    if (usable) {
                        known.addTo(needs, byRule, groups, points);
                    }
                } else if (missingFrom < 0) {
                    missingFrom = i;
                }
            }
        }

        private void readAndKeep(Instant first, int from, int to, List<Long> versions, Needs needs,
                                 Map<String, List<Aggregate>> byRule, List<GroupCount> groups, List<Point> points) {
            Hour read = read(first.plus(from, ChronoUnit.HOURS), first.plus(to, ChronoUnit.HOURS), needs);
            read.addTo(needs, byRule, groups, points);
            Map<Instant, Map<String, List<Aggregate>>> aggregatesByHour = new HashMap<>();
            read.byRule().forEach((rule, list) -> list.forEach(a -> aggregatesByHour
                    .computeIfAbsent(a.bucket().truncatedTo(ChronoUnit.HOURS), h -> new HashMap<>())
                    .computeIfAbsent(rule, r -> new ArrayList<>()).add(a)));
            Map<Instant, List<GroupCount>> groupsByHour = new HashMap<>();
            read.groups().forEach(g -> groupsByHour.computeIfAbsent(g.hour(), h -> new ArrayList<>()).add(g));
            Map<Instant, List<Point>> pointsByHour = new HashMap<>();
            read.points().forEach(p -> pointsByHour.computeIfAbsent(p.bucketStart().truncatedTo(ChronoUnit.HOURS),
                    h -> new ArrayList<>()).add(p));
            for (int i = from; i < to; i++) {
                Instant hour = first.plus(i, ChronoUnit.HOURS);
                hours.put(key(first, i), new Hour(versions.get(i), aggregatesByHour.getOrDefault(hour, Map.of()),
                        needs.groups() ? List.copyOf(groupsByHour.getOrDefault(hour, List.of())) : null,
                        needs.points() ? List.copyOf(pointsByHour.getOrDefault(hour, List.of())) : null));
            }
        }

        /** Reads {@code [from, to)} from the database (what {@code needs} does not ask for is empty). */
        Hour read(Instant from, Instant to, Needs needs) {
            Scope scope = new Scope(from, to, accountIds, regions);
            Map<String, List<Aggregate>> byRule = new HashMap<>();
            repository.aggregates(scope, highlightedEventNames, timeout)
                    .forEach(a -> byRule.computeIfAbsent(a.ruleId(), r -> new ArrayList<>()).add(a));
            return new Hour(0, byRule,
                    needs.groups() ? repository.groupCounts(scope, panelOfRule, timeout) : List.of(),
                    needs.points() ? repository.seriesPoints(scope, timeout) : List.of());
        }

        private Key key(Instant first, int offset) {
            return new Key(accountIds, regions, first.plus(offset, ChronoUnit.HOURS));
        }
    }

    /** A filter as a cache key: the same accounts in another order or repeated are the same filter. */
    private static List<String> normalised(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().sorted().toList();
    }

    private static Instant ceilHour(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.HOURS);
    }
}
