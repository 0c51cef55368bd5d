package io.trailwatch.rules.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.trailwatch.contracts.Geo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoLocatorTest {

    private static GeoLocator bundled;

    @BeforeAll
    static void open() {
        bundled = new GeoLocator(Optional.empty(), Optional.empty());
    }

    @AfterAll
    static void close() {
        bundled.close();
    }

    @Test
    void publicAddressesGetTheirCountryFromTheBundledDatabase() {
        assertThat(bundled.locate("8.8.8.8")).contains(Geo.country("US"));
        assertThat(bundled.locate("81.2.69.160")).contains(Geo.country("GB"));
        assertThat(bundled.locate("193.0.6.139")).contains(Geo.country("NL"));
        assertThat(bundled.locate("2001:4860:4860::8888")).contains(Geo.country("US"));
        assertThat(bundled.country("117.140.207.172")).isEqualTo("CN");
    }

    @Test
    void privateDocumentationAndNonAddressesGetNothing() {
        // The bundled data places 203.0.113.0/24 in AU: documentation addresses must not be looked up at all.
        assertThat(bundled.locate("203.0.113.10")).isEmpty();
        assertThat(bundled.locate("10.0.0.1")).isEmpty();
        assertThat(bundled.locate("192.168.1.1")).isEmpty();
        assertThat(bundled.locate("100.64.12.1")).isEmpty();
        assertThat(bundled.locate("169.254.169.254")).isEmpty();
        assertThat(bundled.locate("::1")).isEmpty();
        assertThat(bundled.locate("ec2.amazonaws.com")).isEmpty();
        assertThat(bundled.locate("AWS Internal")).isEmpty();
        assertThat(bundled.locate(null)).isEmpty();
    }

    @Test
    void theBundledDatabaseCarriesItsAttribution() {
        assertThat(bundled.countryDatabase()).contains("geo-whois-asn-country");
        assertThat(bundled.cityDatabase()).isNull();
        assertThat(bundled.attribution()).contains("NRO", "CC BY 4.0");
    }

    @Test
    void aCityDatabaseAddsCityAndCoordinates(@TempDir Path dir) throws Exception {
        Path city = new TestMmdb("GeoLite2-City")
                .network("81.2.69.0/24", Map.of(
                        "city", Map.of("names", Map.of("en", "London")),
                        "country", Map.of("iso_code", "GB"),
                        "location", Map.of("latitude", 51.5142, "longitude", -0.0931)))
                .network("8.8.8.0/24", Map.of("country", Map.of("iso_code", "US")))
                .write(dir.resolve("city.mmdb"));
        try (GeoLocator geo = new GeoLocator(Optional.empty(), Optional.of(city))) {
            assertThat(geo.locate("81.2.69.160")).contains(new Geo("GB", "London", 51.5142, -0.0931));
            assertThat(geo.locate("8.8.8.8")).contains(Geo.country("US"));
            // Not in the city database: the country database still answers; IPv6 against an IPv4 file too.
            assertThat(geo.locate("193.0.6.139")).contains(Geo.country("NL"));
            assertThat(geo.locate("2001:4860:4860::8888")).contains(Geo.country("US"));
            assertThat(geo.locate("192.168.0.1")).isEmpty();
            assertThat(geo.cityDatabase()).contains("GeoLite2-City", "city.mmdb");
        }
    }

    @Test
    void aConfiguredCountryDatabaseReplacesTheBundledOne(@TempDir Path dir) throws Exception {
        Path country = new TestMmdb("Test-Country")
                .network("8.8.8.0/24", Map.of("country_code", "DE"))
                .write(dir.resolve("country.mmdb"));
        try (GeoLocator geo = new GeoLocator(Optional.of(country), Optional.empty())) {
            assertThat(geo.locate("8.8.8.8")).contains(Geo.country("DE"));
            assertThat(geo.locate("81.2.69.160")).isEmpty();
            assertThat(geo.attribution()).isNull();
        }
    }

    @Test
    void aMissingOrBrokenDatabaseIsAConfigurationErrorNamingTheKey(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> new GeoLocator(Optional.empty(), Optional.of(dir.resolve("nope.mmdb"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("trailwatch.rules.geo.city-db").hasMessageContaining("does not exist");
        Path junk = Files.writeString(dir.resolve("junk.mmdb"), "not a database");
        assertThatThrownBy(() -> new GeoLocator(Optional.of(junk), Optional.empty()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("trailwatch.rules.geo.country-db").hasMessageContaining("not a readable");
    }
}
