package io.trailwatch.common.messaging;

import org.jboss.logging.Logger;

/**
 * Retries a consumer's database work with exponential backoff until it succeeds. A Kafka batch must not be
 * acknowledged before its rows are committed, and a database outage must not fail the channel for good: waiting
 * here keeps both promises (Kafka redelivers if the consumer is dropped from its group meanwhile).
 */
public final class RetryUntilDone {

    private static final Logger LOG = Logger.getLogger(RetryUntilDone.class);
    private static final long FIRST_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 30_000;

    private RetryUntilDone() {
    }

    public static void run(String what, Runnable work) throws InterruptedException {
        long backoff = FIRST_BACKOFF_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", what, attempt, backoff, e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }
}
