package io.trailwatch.alert.service;

import java.time.Duration;
import java.time.Instant;

/**
 * One channel's circuit: after {@code threshold} failed requests in a row (no answer, 408, 425, 429 or 5xx) the
 * receiver is left alone for {@code openFor}; then one request probes it, and its outcome closes or re-opens the
 * circuit. While open, attempts fail at once instead of tying up senders with timeouts.
 */
final class CircuitBreaker {

    private final int threshold;
    private final Duration openFor;
    private int failures;
    private String lastError;
    private Instant openUntil;
    private boolean probing;

    CircuitBreaker(int threshold, Duration openFor) {
        this.threshold = threshold;
        this.openFor = openFor;
    }

    /** Whether a request may go out now; in half-open state only one at a time. */
    synchronized boolean allow(Instant now) {
        if (openUntil == null) {
            return true;
        }
        if (now.isBefore(openUntil) || probing) {
            return false;
        }
        probing = true;
        return true;
    }

    synchronized void succeeded() {
        failures = 0;
        openUntil = null;
        probing = false;
        lastError = null;
    }

    synchronized void failed(String error, Instant now) {
        failures++;
        lastError = error;
        probing = false;
        if (failures >= threshold) {
            openUntil = now.plus(openFor);
        }
    }

    /** A request that was not sent released its probe slot without telling anything about the receiver. */
    synchronized void released() {
        probing = false;
    }

    synchronized boolean isOpen(Instant now) {
        return openUntil != null && (now.isBefore(openUntil) || probing);
    }

    synchronized String describe() {
        return "the last " + failures + " requests failed (last: " + lastError + "); the circuit is open until "
                + openUntil + ", then one request probes the receiver";
    }
}
