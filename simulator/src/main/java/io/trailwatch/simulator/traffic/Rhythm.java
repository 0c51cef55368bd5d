package io.trailwatch.simulator.traffic;

/**
 * The daily and weekly shape of human-driven traffic (people and the CI they trigger), normalised so that its mean
 * over a week is 1. Machine traffic is flat. Office hours are 07:00–19:00 in the organisation's time zone, busiest
 * mid-day; weekends are quiet.
 */
public final class Rhythm {

    private static final double[] WEEKDAY = {1.0, 1.0, 1.0, 1.0, 0.95, 0.15, 0.10};

    private final boolean flat;
    private final int utcOffsetSeconds;
    private final double norm;

    private Rhythm(boolean flat, int utcOffsetHours) {
        this.flat = flat;
        this.utcOffsetSeconds = utcOffsetHours * 3600;
        double sum = 0;
        int samples = 0;
        for (long t = 0; t < 7 * 86_400L; t += 60) {
            sum += raw(t);
            samples++;
        }
        this.norm = sum / samples;
    }

    /** Office hours in the given offset from UTC (the default organisation works in UTC+1). */
    public static Rhythm weekly(int utcOffsetHours) {
        return new Rhythm(false, utcOffsetHours);
    }

    /** No rhythm: a constant rate, for benchmarks. */
    public static Rhythm flat() {
        return new Rhythm(true, 0);
    }

    public boolean isFlat() {
        return flat;
    }

    /** The human-traffic multiplier at an epoch second; averages 1 over any whole week. */
    public double human(long epochSecond) {
        return flat ? 1.0 : raw(epochSecond) / norm;
    }

    /** 1970-01-01 was a Thursday; index 0 is Monday. */
    private double raw(long epochSecond) {
        long local = epochSecond + utcOffsetSeconds;
        int dayIndex = (int) Math.floorMod(Math.floorDiv(local, 86_400L) + 3, 7L);
        double hour = Math.floorMod(local, 86_400L) / 3600.0;
        double office = hour >= 7 && hour < 19 ? Math.pow(Math.sin(Math.PI * (hour - 7) / 12), 2) : 0;
        return WEEKDAY[dayIndex] * (0.06 + office);
    }
}
