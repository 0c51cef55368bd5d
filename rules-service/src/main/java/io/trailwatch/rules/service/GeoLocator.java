package io.trailwatch.rules.service;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.trailwatch.contracts.Geo;
import io.trailwatch.rules.config.RulesConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Where a source IP address is: the country from the bundled (or configured) country database, and, when an
 * operator mounted a GeoLite2-City file, the city and coordinates. Only public IP literals are looked up (see
 * {@link PublicIpAddresses}). Thread-safe.
 */
@Startup
@Singleton
public class GeoLocator implements AutoCloseable {

    /** The bundled country database, a copy of npm @ip-location-db/geo-whois-asn-country-mmdb. */
    public static final String BUNDLED_RESOURCE = "geo/geo-whois-asn-country.mmdb";
    public static final String BUNDLED_VERSION = "2.3.2026061719";
    /** Shown by the API and the docs wherever the country comes from the bundled database (CC BY 4.0). */
    public static final String ATTRIBUTION = "IP country data: geo-whois-asn-country " + BUNDLED_VERSION
            + " (ip-location-db by sapics), built from the statistics data of the Number Resource Organization "
            + "(NRO, nro.net), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). "
            + "Country-level only and known to be inaccurate for some ranges.";

    private static final Logger LOG = Logger.getLogger(GeoLocator.class);
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final Reader country;
    private final Reader city;
    private final String countryDescription;
    private final String cityDescription;

    @Inject
    public GeoLocator(RulesConfig config) {
        this(config.geo().countryDb(), config.geo().cityDb());
    }

    /**
     * @throws ConfigurationException naming the key and the file when a configured database cannot be opened
     */
    public GeoLocator(Optional<Path> countryDb, Optional<Path> cityDb) {
        if (countryDb.isPresent()) {
            country = open("trailwatch.rules.geo.country-db", countryDb.get());
            countryDescription = describe(countryDb.get(), country);
        } else {
            country = openBundled();
            countryDescription = "bundled geo-whois-asn-country " + BUNDLED_VERSION;
        }
        if (cityDb.isPresent()) {
            city = open("trailwatch.rules.geo.city-db", cityDb.get());
            cityDescription = describe(cityDb.get(), city);
        } else {
            city = null;
            cityDescription = null;
        }
        LOG.infof("IP geolocation: country from %s%s", countryDescription,
                city == null ? "; no city database" : "; city and coordinates from " + cityDescription);
    }

    /** Country, and city and coordinates when a city database is configured; empty for anything not public. */
    public Optional<Geo> locate(String sourceIpAddress) {
        InetAddress address = PublicIpAddresses.parse(sourceIpAddress);
        if (address == null) {
            return Optional.empty();
        }
        String countryCode = null;
        String cityName = null;
        Double latitude = null;
        Double longitude = null;
        if (city != null) {
            Map<?, ?> data = lookup(city, address);
            if (data != null) {
                countryCode = countryOf(data);
                cityName = text(path(data, "city", "names"), "en");
                Map<?, ?> location = path(data, "location");
                if (location != null && location.get("latitude") instanceof Number lat
                        && location.get("longitude") instanceof Number lon) {
                    latitude = lat.doubleValue();
                    longitude = lon.doubleValue();
                }
            }
        }
        if (countryCode == null) {
            Map<?, ?> data = lookup(country, address);
            countryCode = data == null ? null : countryOf(data);
        }
        if (countryCode == null && cityName == null && latitude == null) {
            return Optional.empty();
        }
        return Optional.of(new Geo(countryCode, cityName, latitude, longitude));
    }

    /** Just the country code, or null. */
    public String country(String sourceIpAddress) {
        return locate(sourceIpAddress).map(Geo::country).orElse(null);
    }

    public String countryDatabase() {
        return countryDescription;
    }

    /** The city database in use, or null. */
    public String cityDatabase() {
        return cityDescription;
    }

    /** The attribution the country data requires, or null when operators replaced the bundled database. */
    public String attribution() {
        return countryDescription.startsWith("bundled") ? ATTRIBUTION : null;
    }

    private static Map<?, ?> lookup(Reader reader, InetAddress address) {
        try {
            return reader.get(address, Map.class);
        } catch (IOException | RuntimeException e) {
            // e.g. an IPv6 address against an IPv4-only database: no location, not an error of the record.
            LOG.debugf("no location for %s: %s", address.getHostAddress(), e.getMessage());
            return null;
        }
    }

    private static String countryOf(Map<?, ?> data) {
        String code = data.get("country_code") instanceof String s ? s : text(path(data, "country"), "iso_code");
        return code != null && COUNTRY.matcher(code).matches() ? code : null;
    }

    private static Map<?, ?> path(Map<?, ?> data, String... keys) {
        Object node = data;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node instanceof Map<?, ?> map ? map : null;
    }

    private static String text(Map<?, ?> data, String key) {
        return data != null && data.get(key) instanceof String s && !s.isBlank() ? s : null;
    }

    private static Reader open(String key, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(key + ": " + file + (Files.exists(file) ? " is not a file"
                    : " does not exist") + " (expected a MaxMind DB .mmdb file)");
        }
        try {
            return new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED, new CHMCache());
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(key + ": " + file + " is not a readable MaxMind DB file: "
                    + e.getMessage());
        }
    }

    private static Reader openBundled() {
        try (InputStream in = GeoLocator.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED_RESOURCE + " is missing from the classpath");
            }
            return new Reader(in, new CHMCache());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled " + BUNDLED_RESOURCE, e);
        }
    }

    private static String describe(Path file, Reader reader) {
        return reader.getMetadata().databaseType() + " from " + file + " (built "
                + reader.getMetadata().buildTime() + ")";
    }

    @PreDestroy
    @Override
    public void close() {
        try {
            country.close();
            if (city != null) {
                city.close();
            }
        } catch (IOException e) {
            LOG.debugf("closing the geolocation databases: %s", e.getMessage());
        }
    }
}
