package io.trailwatch.alert.service;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of {@code initial * 2^(n-1)}, capped
 * at {@code max}, and never less than what the receiver asked for with Retry-After (also capped at {@code max}).
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    Duration after(int attempts, Duration retryAfter) {
        long base = initial.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
        if (base <= 0 || base > max.toMillis()) {
            base = max.toMillis();
        }
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        long wait = retryAfter == null ? jittered : Math.max(jittered, Math.min(retryAfter.toMillis(), max.toMillis()));
        return Duration.ofMillis(wait);
    }
}
