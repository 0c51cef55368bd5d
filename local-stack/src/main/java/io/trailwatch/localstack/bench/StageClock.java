package io.trailwatch.localstack.bench;

/**
 * Follows one pipeline stage's progress towards a known number of events, from a common start: when it got there,
 * or, if it stopped short, when it last moved.
 */
final class StageClock {

    private final String name;
    private final long target;
    private final long startNanos;
    private long value;
    private long lastChangeNanos;
    private long doneNanos = -1;

    StageClock(String name, long target, long startNanos) {
        this.name = name;
        this.target = target;
        this.startNanos = startNanos;
        this.lastChangeNanos = startNanos;
    }

    void observe(long current, long nowNanos) {
        if (current != value) {
            value = current;
            lastChangeNanos = nowNanos;
        }
        if (doneNanos < 0 && current >= target) {
            doneNanos = nowNanos;
        }
    }

    boolean done() {
        return doneNanos >= 0;
    }

    /** Nanoseconds since the stage last moved. */
    long idleNanos(long nowNanos) {
        return nowNanos - lastChangeNanos;
    }

    StageResult result() {
        long end = done() ? doneNanos : lastChangeNanos;
        return new StageResult(name, target, Math.min(value, target), (end - startNanos) / 1e9, done());
    }

    /**
     * @param seconds from the first notification until the stage had all events (or last moved, if incomplete)
     */
    record StageResult(String name, long target, long reached, double seconds, boolean complete) {

        double eventsPerSecond() {
            return seconds <= 0 ? 0 : reached / seconds;
        }
    }
}
