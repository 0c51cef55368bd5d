package io.trailwatch.rules.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.trailwatch.contracts.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Everything rules-service can be told. Every key can be set from the environment: {@code trailwatch.rules.x-y}
 * is {@code TRAILWATCH_RULES_X_Y}, {@code trailwatch.rules.geo.city-db} is {@code TRAILWATCH_RULES_GEO_CITY_DB}.
 */
@ConfigMapping(prefix = "trailwatch.rules")
public interface RulesConfig {

    /** CIS benchmark version whose patterns are used, e.g. v1.4.0; the newest when unset. */
    Optional<String> cisVersion();

    /** Directory of custom rule files (one YAML file per rule). */
    Optional<Path> customDir();

    /**
     * Directory of custom outlier detector files (one YAML file per detector). When unset, the {@code detectors}
     * subdirectory of {@link #customDir()} is used if it exists.
     */
    Optional<Path> detectorsDir();

    /** Rule or detector ids to enable although their file says disabled (e.g. tuned variants). */
    Optional<Set<String>> enable();

    /** Rule or detector ids to disable. */
    Optional<Set<String>> disable();

    @WithDefault(Topics.CLOUDTRAIL_EVENTS)
    String eventsTopic();

    @WithDefault(Topics.FINDINGS)
    String findingsTopic();

    @WithDefault(Topics.REJECTED)
    String rejectedTopic();

    @WithDefault(Topics.METRICS)
    String metricsTopic();

    Geo geo();

    Outliers outliers();

    Evaluate evaluate();

    /** Where source IP addresses are located. */
    interface Geo {

        /**
         * A MaxMind DB file with the country of IP ranges ({@code country_code}, or GeoIP2/GeoLite2-Country's
         * {@code country.iso_code}); the bundled geo-whois-asn-country database when unset.
         */
        Optional<Path> countryDb();

        /** An optional GeoLite2-City (or GeoIP2-City) file for city and coordinates; it also provides the country. */
        Optional<Path> cityDb();
    }

    /** Event-time outlier detection on the stream. */
    interface Outliers {

        /** Turns outlier detection off entirely (no state stores, no series). */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long after a time slice ends (in event time) its records are still counted. CloudTrail delivers
         * about every 5 minutes, on average 5 minutes after the call, with no guarantee.
         */
        @WithDefault("20m")
        Duration grace();

        /**
         * A partition of the events topic that has had no records for this long (wall-clock) stops holding back
         * the closing of slices, so one quiet account cannot stall every detector.
         */
        @WithDefault("30s")
        Duration idleAfter();

        /** An eventTime more than this ahead of the record's Kafka timestamp is not trusted for outliers. */
        @WithDefault("15m")
        Duration maxClockSkew();

        /**
         * How many outlier tasks count the series: the partitions of the topic that carries counted records to them
         * ({@code trailwatch-rules-outlier-signals-p<N>-repartition}). Counting is a small part of the work (only
         * matching records and progress travel there), and every task costs each commit and poll: with one per
         * events partition (12) outlier detection cost a quarter of the service's throughput, with 2 from 6% to
         * 18% (docs/performance.md). The outlier topics' names carry the count, so changing it starts new ones (the baselines
         * rebuild within one window) rather than failing on the old ones.
         */
        @WithDefault("2")
        int partitions();
    }

    /** Bounds of the evaluate endpoints. */
    interface Evaluate {

        /** Largest decompressed CloudTrail file accepted by POST /api/v1/rules/evaluate, in bytes. */
        @WithDefault("268435456")
        long maxDecompressedBytes();

        /** Most events in one POST /api/v1/patterns/test. */
        @WithDefault("1000")
        int maxPatternEvents();

        /** Longest pattern accepted by POST /api/v1/patterns/test, in characters. */
        @WithDefault("16384")
        int maxPatternLength();
    }
}
