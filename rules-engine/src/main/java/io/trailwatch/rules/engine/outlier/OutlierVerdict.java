package io.trailwatch.rules.engine.outlier;

import java.time.Instant;

/**
 * The judgement of one closed time slice. The baseline fields are null while there are fewer than
 * {@code window} previous slices (or weeks, when seasonal); then the indicator is false.
 *
 * @param sliceStart epoch milliseconds
 * @param indicator the value is outside the band on the configured side and at least {@code minCount}
 * @param violation this slice and the {@code consecutive - 1} before it are all indicators
 */
public record OutlierVerdict(long sliceStart, long value, Double mean, Double stddev, Double upper, Double lower,
        boolean indicator, boolean violation) {

    public Instant slice() {
        return Instant.ofEpochMilli(sliceStart);
    }

    public boolean hasBaseline() {
        return mean != null;
    }
}
