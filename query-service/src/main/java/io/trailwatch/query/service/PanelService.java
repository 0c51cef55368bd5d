package io.trailwatch.query.service;

import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.DashboardRepository;
import io.trailwatch.query.repository.DashboardRepository.Latest;
import io.trailwatch.query.repository.DashboardRepository.Point;
import io.trailwatch.query.repository.DashboardRepository.Scope;
import io.trailwatch.query.service.DashboardLayout.Highlight;
import io.trailwatch.query.service.DashboardLayout.PanelSpec;
import io.trailwatch.query.service.DashboardLayout.SectionSpec;
import io.trailwatch.query.service.GroupTotals.Top;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds the dashboard from the rollups and the findings' top lists (read per hour, see {@link DashboardHours}) and
 * the outlier series.
 */
@ApplicationScoped
public class PanelService {

    /** Bucket sizes a series may use, smallest first. */
    static final long[] BUCKETS = {60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 7 * 86400};

    private final DashboardRepository repository;
    private final DashboardHours hours;
    private final QueryConfig.Dashboard config;
    private final Duration timeout;

    public PanelService(DashboardRepository repository, DashboardHours hours, QueryConfig config) {
        this.repository = repository;
        this.hours = hours;
        this.config = config.dashboard();
        this.timeout = config.search().timeout();
    }

    /** The smallest bucket size that fits {@code [from, to)} into at most {@code maxPoints} buckets. */
    public long bucketFor(Instant from, Instant to) {
        long seconds = Duration.between(from, to).toSeconds();
        for (long bucket : BUCKETS) {
            if ((seconds + bucket - 1) / bucket <= config.maxPoints()) {
                return bucket;
            }
        }
        return BUCKETS[BUCKETS.length - 1];
    }

    public int maxPoints() {
        return config.maxPoints();
    }

    /**
     * The dashboard for a range and optional account/region filters.
     *
     * @param withTopLists whether to compute each panel's top principals and source addresses: the most expensive
     *                     query of the dashboard, which the web UI does not show (the API does)
     */
    public Panels panels(Instant requestedFrom, Instant requestedTo, long bucketSeconds, List<String> accountIds,
                         List<String> regions, boolean withTopLists) {
        Instant from = requestedFrom.truncatedTo(ChronoUnit.MINUTES);
        Instant to = ceilMinute(requestedTo);
        Scope scope = new Scope(from, to, accountIds, regions);
        Instant firstBucket = RangeCounts.bucketOf(from, bucketSeconds);
        int count = (int) ((to.getEpochSecond() - firstBucket.getEpochSecond() + bucketSeconds - 1) / bucketSeconds);
        List<Instant> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buckets.add(firstBucket.plusSeconds(i * bucketSeconds));
        }

        Map<String, String> panelOfRule = DashboardLayout.panelOfRule();
        List<String> highlightNames = DashboardLayout.SECTIONS.stream().flatMap(s -> s.panels().stream())
                .flatMap(p -> p.highlights().stream()).map(Highlight::eventName).distinct().toList();
        DashboardHours.Counts counts = hours.read(from, to, bucketSeconds, accountIds, regions, highlightNames,
                panelOfRule, withTopLists, true);
        List<RangeCounts> parts = counts.parts();
        Map<String, Long> previous = totals(hours.read(from.minus(Duration.between(from, to)), from, bucketSeconds,
                accountIds, regions, highlightNames, panelOfRule, false, false).parts());
        List<Top> tops = withTopLists ? counts.top(config.topN()) : List.of();

        List<String> otherRules = parts.stream().flatMap(part -> part.ruleIds().stream()).distinct()
                .filter(rule -> !panelOfRule.containsKey(rule)).sorted().toList();
        List<String> allRules = new ArrayList<>(panelOfRule.keySet());
        allRules.addAll(otherRules);
        Map<String, Latest> latest = new HashMap<>();
        repository.latest(scope, allRules, timeout).forEach(l -> latest.put(l.ruleId(), l));

        List<Panels.Section> sections = new ArrayList<>();
        for (SectionSpec section : DashboardLayout.SECTIONS) {
            sections.add(new Panels.Section(section.id(), section.title(), section.panels().stream()
                    .map(spec -> panel(spec, null, parts, previous, tops, latest, firstBucket, bucketSeconds,
                            count))
                    .toList()));
        }
        sections.add(new Panels.Section(DashboardLayout.OTHER_SECTION, "Other rules", otherRules.stream()
                .map(rule -> {
                    Latest l = latest.get(rule);
                    PanelSpec spec = new PanelSpec(rule, l != null ? l.title() : rule, List.of(rule), List.of());
                    return panel(spec, l, parts, previous, tops, latest, firstBucket, bucketSeconds, count);
                })
                .toList()));

        Map<String, Long> failuresByCountry = new HashMap<>();
        parts.stream().map(part -> part.rule(config.failedLoginRule())).filter(Objects::nonNull)
                .forEach(rule -> rule.countries().forEach((country, n) -> failuresByCountry.merge(country, n,
                        Long::sum)));
        List<Panels.Count> byCountry = failuresByCountry.entrySet().stream()
                .map(e -> new Panels.Count(e.getKey().isEmpty() ? null : e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Panels.Count::count).reversed())
                .toList();

        return new Panels(from, to, bucketSeconds, buckets, Instant.now(), accountIds, regions, sections, byCountry,
                outliers(counts.points()));
    }

    private static Map<String, Long> totals(List<RangeCounts> parts) {
        Map<String, Long> totals = new HashMap<>();
        parts.forEach(part -> part.ruleIds().forEach(rule -> totals.merge(rule, part.rule(rule).total(),
                Long::sum)));
        return totals;
    }

    private Panels.Panel panel(PanelSpec spec, Latest known, List<RangeCounts> parts, Map<String, Long> previous,
                               List<Top> tops, Map<String, Latest> latest, Instant firstBucket, long bucketSeconds,
                               int count) {
        long[] series = new long[count];
        Map<String, long[]> highlightSeries = new LinkedHashMap<>();
        spec.highlights().forEach(h -> highlightSeries.put(h.eventName(), new long[count]));
        Map<String, Long> accounts = new HashMap<>();
        Map<String, Long> eventNames = new HashMap<>();
        long total = 0;
        for (RangeCounts part : parts) {
            for (String ruleId : spec.ruleIds()) {
                RangeCounts.OfRule rule = part.rule(ruleId);
                if (rule == null) {
                    continue;
                }
                total += rule.total();
                rule.series().forEach((bucket, n) -> series[index(bucket, firstBucket, bucketSeconds, count)] += n);
                rule.highlights().forEach((name, byBucket) -> {
                    long[] values = highlightSeries.get(name);
                    if (values != null) {
                        byBucket.forEach((bucket, n) -> values[index(bucket, firstBucket, bucketSeconds, count)] += n);
                    }
                });
                rule.accounts().forEach((account, n) -> accounts.merge(account, n, Long::sum));
                rule.eventNames().forEach((name, n) -> eventNames.merge(name.isEmpty() ? null : name, n, Long::sum));
            }
        }
        long previousTotal = spec.ruleIds().stream().mapToLong(r -> previous.getOrDefault(r, 0L)).sum();
        Latest newest = spec.ruleIds().stream().map(latest::get).filter(Objects::nonNull)
                .max(Comparator.comparing(Latest::eventTime)).orElse(known);
        List<Panels.Highlight> highlights = spec.highlights().stream().map(h -> {
            long[] values = highlightSeries.get(h.eventName());
            return new Panels.Highlight(h.eventName(), h.title(), Arrays.stream(values).sum(), boxed(values));
        }).toList();
        return new Panels.Panel(spec.id(), spec.title(), spec.ruleIds(),
                newest == null ? null : newest.severity(), newest == null ? null : newest.category(),
                total, previousTotal, boxed(series), newest == null ? null : newest.eventTime(), highlights,
                top(tops, spec.id(), "principal"), top(tops, spec.id(), "sourceIPAddress"), top(accounts),
                top(eventNames));
    }

    private static int index(Instant bucket, Instant firstBucket, long bucketSeconds, int count) {
        long i = (bucket.getEpochSecond() - firstBucket.getEpochSecond()) / bucketSeconds;
        return (int) Math.max(0, Math.min(count - 1, i));
    }

    private static List<Panels.Count> top(List<Top> tops, String panelId, String dimension) {
        return tops.stream().filter(t -> t.panelId().equals(panelId) && t.dimension().equals(dimension))
                .sorted(Comparator.comparingLong(Top::count).reversed().thenComparing(Top::value))
                .map(t -> new Panels.Count(t.value(), t.count())).toList();
    }

    private List<Panels.Count> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey() == null ? "" : e.getKey()))
                .limit(config.topN())
                .map(e -> new Panels.Count(e.getKey(), e.getValue())).toList();
    }

    private Panels.Outliers outliers(List<Point> points) {
        Map<String, List<Point>> bySeries = new TreeMap<>();
        points.forEach(p -> bySeries.computeIfAbsent(p.seriesId(), k -> new ArrayList<>()).add(p));
        bySeries.values().forEach(list -> list.sort(Comparator.comparing(Point::bucketStart)));
        List<Panels.OutlierSeries> series = bySeries.values().stream().map(list -> {
            Point first = list.get(0);
            return new Panels.OutlierSeries(first.seriesId(), first.detectorId(), first.group(),
                    first.bucketSeconds(),
                    (int) list.stream().filter(Point::outlier).count(),
                    (int) list.stream().filter(Point::violation).count(),
                    list.stream().mapToLong(Point::value).max().orElse(0),
                    list.stream().map(p -> new Panels.OutlierPoint(p.bucketStart(), p.value(), p.mean(), p.stddev(),
                            p.upper(), p.lower(), p.outlier(), p.violation())).toList());
        }).sorted(Comparator.comparingInt(Panels.OutlierSeries::violations)
                .thenComparingInt(Panels.OutlierSeries::outliers)
                .thenComparingLong(Panels.OutlierSeries::maxValue).reversed()
                .thenComparing(Panels.OutlierSeries::seriesId)).toList();
        boolean truncated = series.size() > config.maxOutlierSeries();
        return new Panels.Outliers(truncated ? series.subList(0, config.maxOutlierSeries()) : series, truncated);
    }

    private static List<Long> boxed(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static Instant ceilMinute(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.MINUTES);
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.MINUTES);
    }
}
