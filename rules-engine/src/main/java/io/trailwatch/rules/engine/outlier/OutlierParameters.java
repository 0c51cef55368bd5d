package io.trailwatch.rules.engine.outlier;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a series is judged: Sumo Logic's {@code outlier} parameters (window, threshold, consecutive,
 * direction) plus {@code minCount} and an optional seasonal baseline.
 *
 * @param timeslice slice length; slices are aligned to the Unix epoch
 * @param window number of previous slices (or, when seasonal, previous weeks) the baseline is computed from
 * @param threshold band half-width in population standard deviations
 * @param consecutive number of indicator slices in a row that make a violation
 * @param direction which side of the band counts
 * @param minCount a slice is an indicator only if its value is at least this
 * @param seasonal compare each slice with the same slot of the week (the same hour-of-week for hourly
 *     slices) over the previous {@code window} weeks instead of with the previous {@code window} slices
 */
public record OutlierParameters(Duration timeslice, int window, double threshold, int consecutive,
        Direction direction, long minCount, boolean seasonal) {

    /** Upper bound on the slices a baseline keeps, so one group's state stays small. */
    public static final int MAX_HISTORY = 20_000;

    private static final Duration WEEK = Duration.ofDays(7);

    public OutlierParameters {
        Objects.requireNonNull(timeslice, "timeslice");
        Objects.requireNonNull(direction, "direction");
        if (timeslice.compareTo(Duration.ofSeconds(1)) < 0 || timeslice.compareTo(Duration.ofDays(365)) > 0
                || timeslice.getNano() != 0) {
            throw new IllegalArgumentException("timeslice must be whole seconds between 1s and 365d, was "
                    + Timeslice.format(timeslice));
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number >= 0, was " + threshold);
        }
        if (consecutive < 1) {
            throw new IllegalArgumentException("consecutive must be at least 1, was " + consecutive);
        }
        if (minCount < 0) {
            throw new IllegalArgumentException("minCount must be at least 0, was " + minCount);
        }
        if (seasonal && (timeslice.compareTo(Duration.ofHours(1)) < 0 || WEEK.getSeconds() % timeslice.getSeconds() != 0)) {
            throw new IllegalArgumentException("a seasonal baseline needs a timeslice of at least 1h that divides "
                    + "one week (1h, 2h, 3h, 4h, 6h, 8h, 12h, 1d, ...), was " + Timeslice.format(timeslice));
        }
        long history = (long) window * (seasonal ? WEEK.getSeconds() / timeslice.getSeconds() : 1);
        if (history > MAX_HISTORY) {
            throw new IllegalArgumentException("window " + window + (seasonal ? " weeks" : " slices")
                    + " needs a history of " + history + " slices; at most " + MAX_HISTORY + " are kept");
        }
    }

    /** Sumo's defaults: 5-minute slices, window 10, threshold 3, consecutive 1, direction +-; minCount 0. */
    public static OutlierParameters defaults() {
        return new OutlierParameters(Duration.ofMinutes(5), 10, 3.0, 1, Direction.BOTH, 0, false);
    }

    public OutlierParameters withTimeslice(Duration value) {
        return new OutlierParameters(value, window, threshold, consecutive, direction, minCount, seasonal);
    }

    public OutlierParameters withWindow(int value) {
        return new OutlierParameters(timeslice, value, threshold, consecutive, direction, minCount, seasonal);
    }

    public OutlierParameters withThreshold(double value) {
        return new OutlierParameters(timeslice, window, value, consecutive, direction, minCount, seasonal);
    }

    public OutlierParameters withConsecutive(int value) {
        return new OutlierParameters(timeslice, window, threshold, value, direction, minCount, seasonal);
    }

    public OutlierParameters withDirection(Direction value) {
        return new OutlierParameters(timeslice, window, threshold, consecutive, value, minCount, seasonal);
    }

    public OutlierParameters withMinCount(long value) {
        return new OutlierParameters(timeslice, window, threshold, consecutive, direction, value, seasonal);
    }

    public OutlierParameters withSeasonal(boolean value) {
        return new OutlierParameters(timeslice, window, threshold, consecutive, direction, minCount, value);
    }

    public long sliceMillis() {
        return timeslice.toMillis();
    }

    /** Start (epoch milliseconds) of the slice that contains {@code time}. */
    public long sliceStart(Instant time) {
        long millis = time.toEpochMilli();
        return Math.floorDiv(millis, sliceMillis()) * sliceMillis();
    }

    /** Distance, in slices, between a slice and the one its baseline compares it with first. */
    int lag() {
        return seasonal ? (int) (WEEK.getSeconds() / timeslice.getSeconds()) : 1;
    }
}
