package io.trailwatch.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of alert-service; every key can be set from the environment (TRAILWATCH_ALERT_...). */
@ConfigMapping(prefix = "trailwatch.alert")
public interface AlertConfig {

    /** Base URL of the Trailwatch UI; notifications link to {@code <base>/findings/<findingId>}. */
    @WithDefault("http://localhost:8080")
    URI uiBaseUrl();

    /** Key that encrypts channel secrets at rest: 32 random bytes, base64 (e.g. {@code openssl rand -base64 32}). */
    Optional<String> secretKey();

    /** File holding the key (base64), e.g. a mounted Kubernetes Secret; used when secret-key is unset. */
    Optional<Path> secretKeyFile();

    /** Create secret-key-file with a random key when it does not exist (the local stack's data directory). */
    @WithDefault("false")
    boolean generateSecretKeyFile();

    /** CIDR ranges outbound notifications may reach although they are loopback, private or link-local. */
    Optional<List<String>> allowedCidrs();

    /** Accept plain http:// receiver URLs (https only otherwise). */
    @WithDefault("false")
    boolean allowHttp();

    /** How often due groups and deliveries are looked at when nothing wakes the sender earlier. */
    @WithDefault("1s")
    Duration senderInterval();

    /** Attempts per notification before it is marked failed. */
    @WithDefault("10")
    int maxAttempts();

    /** Wait before the first retry; doubles with every further attempt, with jitter, up to max-backoff. */
    @WithDefault("2s")
    Duration initialBackoff();

    @WithDefault("10m")
    Duration maxBackoff();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Bound on one request to a receiver, from connecting to the last byte of the answer. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long a sender owns a claimed delivery; after a crash, another sender may retry it after this. */
    @WithDefault("2m")
    Duration deliveryLease();

    /** Requests in flight per channel, so one slow receiver cannot hold every sender. */
    @WithDefault("4")
    int channelConcurrency();

    Circuit circuit();

    /** How long a notified finding counts as firing (for repeat notifications) unless it is resolved earlier. */
    @WithDefault("24h")
    Duration firingTtl();

    /** Findings listed in one notification; the counts always cover all of them. */
    @WithDefault("50")
    int maxFindingsPerNotification();

    /** Delivery log, idle groups and findings older than this are deleted. */
    @WithDefault("30d")
    Duration retention();

    Bootstrap bootstrap();

    /** Per-channel circuit breaker: after this many failed requests in a row, stop calling for a while. */
    interface Circuit {
        @WithDefault("5")
        int failureThreshold();

        @WithDefault("30s")
        Duration openFor();
    }

    /**
     * A webhook channel and a catch-all route created at start (one notification per finding, no wait), for
     * installations configured from the environment only.
     */
    interface Bootstrap {
        Optional<URI> webhookUrl();

        @WithDefault("default-webhook")
        String channelName();

        @WithDefault("default")
        String routeName();
    }
}
