package io.trailwatch.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What an outlier finding measured: the slice, its value, the baseline and the band, and who
 * contributed most to it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutlierDetails(
        String detectorId,
        String group,
        Instant sliceStart,
        Instant sliceEnd,
        long value,
        Double mean,
        Double stddev,
        Double upper,
        Double lower,
        List<Contributor> topPrincipals,
        List<Contributor> topSourceIPs,
        List<Contributor> topCountries) {

    /** One value (principal ARN, IP, country) and how many of the slice's events it accounts for. */
    public record Contributor(String value, long count) {
    }
}
