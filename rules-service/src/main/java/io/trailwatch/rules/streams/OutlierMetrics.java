package io.trailwatch.rules.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters of the outlier detection. Like every Kafka Streams metric they count work done, so after a crash the
 * replayed part of the stream is counted again (the outputs are not duplicated: exactly-once).
 */
final class OutlierMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    OutlierMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A counted record that came after its slice closed (event time beyond the grace period): not counted. */
    void late(String detectorId) {
        counter("trailwatch.rules.outlier.late", "records that arrived after their slice closed, by detector",
                "detector", detectorId).increment();
    }

    /** A record a detector would count but cannot place in time, or for a detector no longer configured. */
    void skipped(String detectorId, String reason) {
        counter("trailwatch.rules.outlier.skipped", "records a detector could not count, by detector and reason",
                "detector", detectorId, "reason", reason).increment();
    }

    void sliceClosed(String detectorId, boolean violation) {
        counter("trailwatch.rules.outlier.slices", "closed slices (series points), by detector",
                "detector", detectorId).increment();
        if (violation) {
            counter("trailwatch.rules.outlier.violations", "outlier findings, by detector",
                    "detector", detectorId).increment();
        }
    }

    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + String.join("|", tags),
                k -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
