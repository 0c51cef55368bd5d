package io.trailwatch.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a source IP is. Country is ISO 3166-1 alpha-2; city and coordinates only when an operator
 * configured a city database.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Geo(String country, String city, Double latitude, Double longitude) {

    public static Geo country(String isoCode) {
        return new Geo(isoCode, null, null, null);
    }
}
