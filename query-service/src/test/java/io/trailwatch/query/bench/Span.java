package io.trailwatch.query.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A stretch of the ingestion run between two CPU samples ({wall-clock millis, query-service CPU ns, PostgreSQL CPU
 * ns}): the events stored in it and the CPU each side spent on them.
 */
record Span(long from, long to, long events, long serviceNanos, long postgresNanos) {

    /** From the last sample before the first stored batch to the first sample after the last one. */
    static Span of(StoredTimes times, List<long[]> samples) {
        long[] start = samples.get(0);
        long[] end = samples.get(samples.size() - 1);
        for (long[] s : samples) {
            if (s[0] <= times.first()) {
                start = s;
            }
            if (s[0] >= times.last()) {
                end = s;
                break;
            }
        }
        return between(times, start, end);
    }

    /** This span cut into steps of about {@code millis} each. */
    List<Span> steps(StoredTimes times, List<long[]> samples, long millis) {
        List<Span> steps = new ArrayList<>();
        long[] start = null;
        for (long[] s : samples) {
            if (s[0] < from) {
                continue;
            }
            if (start == null) {
                start = s;
            } else if (s[0] - start[0] >= millis || s[0] >= to) {
                steps.add(between(times, start, s));
                start = s;
            }
            if (s[0] >= to) {
                break;
            }
        }
        return steps;
    }

    private static Span between(StoredTimes times, long[] start, long[] end) {
        return new Span(start[0], end[0], times.storedBy(end[0]) - times.storedBy(start[0]), end[1] - start[1],
                end[2] - start[2]);
    }

    double rate() {
        return to <= from ? 0 : events * 1e3 / (to - from);
    }

    double serviceMicros() {
        return events == 0 ? 0 : serviceNanos / 1e3 / events;
    }

    double postgresMicros() {
        return events == 0 ? 0 : postgresNanos / 1e3 / events;
    }
}
