package io.trailwatch.collector.service;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Whether a source's remote end (a queue, a bucket) answers, for readiness. Every successful or failed call the
 * source makes anyway is recorded; when nothing was recorded for a while, a cheap probe asks.
 */
public final class Reachability {

    /** The last known answer. */
    public record Status(boolean up, String detail) {
    }

    private final Supplier<String> probe;
    private final long maxAgeNanos;
    private volatile Status status = new Status(false, "not contacted yet");
    private volatile long recordedAt = Long.MIN_VALUE;

    /** @param probe a cheap call returning a description of what answered; throws when unreachable */
    public Reachability(Supplier<String> probe, Duration maxAge) {
        this.probe = probe;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public void succeeded(String detail) {
        record(new Status(true, detail));
    }

    public void failed(String detail) {
        record(new Status(false, detail));
    }

    private void record(Status value) {
        status = value;
        recordedAt = System.nanoTime();
    }

    public Status current() {
        if (recordedAt == Long.MIN_VALUE || System.nanoTime() - recordedAt > maxAgeNanos) {
            try {
                succeeded(probe.get());
            } catch (RuntimeException e) {
                failed(e.getMessage());
            }
        }
        return status;
    }
}
