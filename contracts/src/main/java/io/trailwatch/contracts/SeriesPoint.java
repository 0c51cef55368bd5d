package io.trailwatch.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One closed time slice of an outlier detector's series, for the dashboard chart. Value of
 * {@link Topics#METRICS}; key = {@link #seriesId()}. Baseline fields are null while the detector has
 * fewer than its window of previous slices.
 *
 * @param seriesId {@code detectorId + "|" + group}, stable for a detector and group
 * @param outlier the slice's value is outside the band (an indicator)
 * @param violation the slice raised a finding (indicator, plus consecutive and minimum count)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SeriesPoint(
        String seriesId,
        String detectorId,
        String group,
        Instant bucketStart,
        long bucketSeconds,
        long value,
        Double mean,
        Double stddev,
        Double upper,
        Double lower,
        boolean outlier,
        boolean violation) {

    public static String seriesId(String detectorId, String group) {
        return detectorId + "|" + group;
    }
}
