package io.trailwatch.query.service;

import io.trailwatch.query.repository.DashboardRepository.Aggregate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rollups of a range summed per rule for one series bucket size: what a panel shows, without the rows it was
 * summed from (a week of per-minute rows is a hundred thousand; its sums are a few thousand).
 */
final class RangeCounts {

    /**
     * One rule's findings: in all, per series bucket, per highlighted event name and bucket, and per event name,
     * account and country ('' where unknown).
     */
    record OfRule(long total, Map<Instant, Long> series, Map<String, Map<Instant, Long>> highlights,
                  Map<String, Long> eventNames, Map<String, Long> accounts, Map<String, Long> countries) {
    }

    static final RangeCounts NONE = new RangeCounts(Map.of(), 60);

    private final Map<String, OfRule> rules = new HashMap<>();
    private final int entries;

    /** Sums {@code byRule}'s aggregates, series and highlights into buckets of {@code bucketSeconds}. */
    RangeCounts(Map<String, List<Aggregate>> byRule, long bucketSeconds) {
        int size = 0;
        for (Map.Entry<String, List<Aggregate>> rule : byRule.entrySet()) {
            long total = 0;
            Map<Instant, Long> series = new HashMap<>();
            Map<String, Map<Instant, Long>> highlights = new HashMap<>();
            Map<String, Long> eventNames = new HashMap<>();
            Map<String, Long> accounts = new HashMap<>();
            Map<String, Long> countries = new HashMap<>();
            for (Aggregate a : rule.getValue()) {
                switch (a.dimension()) {
                    case SERIES -> {
                        series.merge(bucketOf(a.bucket(), bucketSeconds), a.count(), Long::sum);
                        total += a.count();
                    }
                    case HIGHLIGHT -> highlights.computeIfAbsent(a.value(), n -> new HashMap<>())
                            .merge(bucketOf(a.bucket(), bucketSeconds), a.count(), Long::sum);
                    case EVENT_NAME -> eventNames.merge(a.value(), a.count(), Long::sum);
                    case ACCOUNT -> accounts.merge(a.value(), a.count(), Long::sum);
                    case COUNTRY -> countries.merge(a.value(), a.count(), Long::sum);
                    default -> {
                    }
                }
            }
            rules.put(rule.getKey(), new OfRule(total, series, highlights, eventNames, accounts, countries));
            size += 1 + series.size() + highlights.values().stream().mapToInt(Map::size).sum() + eventNames.size()
                    + accounts.size() + countries.size();
        }
        entries = size;
    }

    /** The start of the bucket of {@code bucketSeconds} (aligned to the epoch) that {@code time} falls in. */
    static Instant bucketOf(Instant time, long bucketSeconds) {
        return Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), bucketSeconds) * bucketSeconds);
    }

    Set<String> ruleIds() {
        return rules.keySet();
    }

    /** The rule's counts, or null when it has no findings in the range. */
    OfRule rule(String ruleId) {
        return rules.get(ruleId);
    }

    /** How many sums it holds (its size in a cache). */
    int entries() {
        return entries;
    }
}
