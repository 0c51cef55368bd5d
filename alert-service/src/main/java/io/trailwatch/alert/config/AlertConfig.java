package io.trailwatch.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "trailwatch.alert")
public interface AlertConfig {

    /** Where every finding is POSTed as JSON; no notifications are sent while unset. */
    Optional<URI> webhookUrl();

    /** How often the sender looks for due notifications. */
    @WithDefault("1s")
    Duration senderInterval();

    /** Attempts before a notification is marked failed. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait before the first retry; doubles with every further attempt. */
    @WithDefault("2s")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration requestTimeout();
}
