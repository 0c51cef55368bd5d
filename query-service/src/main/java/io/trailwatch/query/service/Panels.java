package io.trailwatch.query.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The whole dashboard for one range and filter. Every series has one value per entry of {@code buckets} (bucket
 * starts, {@code bucketSeconds} apart, aligned to the epoch); counts are per whole minute, so the range is widened
 * to whole minutes ({@code from} and {@code to} say which range was counted).
 */
public record Panels(Instant from, Instant to, long bucketSeconds, List<Instant> buckets, Instant generatedAt,
                     List<String> accountIds, List<String> regions, List<Section> sections,
                     List<Count> failedLoginsByCountry, Outliers outliers) {

    public record Section(String id, String title, List<Panel> panels) {
    }

    /**
     * One panel: the findings of its rules in the range.
     *
     * @param previousTotal the findings of the same rules in the range just before, for a trend
     * @param lastSeen the newest finding of these rules up to the end of the range (also before it)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Panel(String id, String title, List<String> ruleIds, String severity, String category, long total,
                        long previousTotal, List<Long> series, Instant lastSeen, List<Highlight> highlights,
                        List<Count> topPrincipals, List<Count> topSourceIPs, List<Count> topAccounts,
                        List<Count> topEventNames) {
    }

    /** The panel's findings with one event name (e.g. root console sign-ins). */
    public record Highlight(String eventName, String title, long total, List<Long> series) {
    }

    public record Count(String value, long count) {
    }

    /** Outlier detector series with their band; {@code truncated} when more series existed than are shown. */
    public record Outliers(List<OutlierSeries> series, boolean truncated) {
    }

    public record OutlierSeries(String seriesId, String detectorId, String group, long bucketSeconds,
                                int outliers, int violations, long maxValue, List<OutlierPoint> points) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OutlierPoint(Instant bucketStart, long value, Double mean, Double stddev, Double upper,
                               Double lower, boolean outlier, boolean violation) {
    }
}
