package io.trailwatch.query.service;

import io.trailwatch.query.config.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Which event times are kept: whole UTC days back to the retention, and not beyond the allowed clock skew. */
@ApplicationScoped
public class RetentionPolicy {

    private final QueryConfig.Retention config;

    public RetentionPolicy(QueryConfig config) {
        this.config = config.retention();
        if (this.config.eventDays() < 1) {
            throw new IllegalArgumentException("trailwatch.query.retention.event-days must be at least 1, got "
                    + this.config.eventDays());
        }
    }

    /** The first day whose events are kept. */
    public LocalDate firstKeptDay(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(config.eventDays());
    }

    /** Events before this are past retention. */
    public Instant oldestKept(Instant now) {
        return firstKeptDay(now).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Events after this are refused as being in the future. */
    public Instant newestAccepted(Instant now) {
        return now.plus(config.maxFuture());
    }

    public int partitionsAhead() {
        return config.partitionsAhead();
    }
}
