package io.trailwatch.simulator.sink;

import io.trailwatch.simulator.delivery.LogFile;

import java.time.Duration;

/** Retries retryable failures a bounded number of times with exponential backoff, then reports the failure. */
public final class RetryingSink implements LogFileSink {

    private final LogFileSink delegate;
    private final int attempts;
    private final long firstBackoffMillis;
    private final long maxBackoffMillis;

    /**
     * @param attempts     total tries per file (at least 1)
     * @param firstBackoff wait before the second try; doubles each time up to {@code maxBackoff}
     */
    public RetryingSink(LogFileSink delegate, int attempts, Duration firstBackoff, Duration maxBackoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        this.delegate = delegate;
        this.attempts = attempts;
        this.firstBackoffMillis = firstBackoff.toMillis();
        this.maxBackoffMillis = maxBackoff.toMillis();
    }

    @Override
    public void deliver(LogFile file) throws SinkException {
        long backoff = firstBackoffMillis;
        for (int attempt = 1; ; attempt++) {
            try {
                delegate.deliver(file);
                return;
            } catch (SinkException e) {
                if (!e.retryable()) {
                    throw new SinkException("could not deliver " + file.key() + " to " + delegate.describe() + ": "
                            + e.getMessage(), false, e);
                }
                if (attempt >= attempts) {
                    throw new SinkException("could not deliver " + file.key() + " to " + delegate.describe()
                            + " after " + attempts + " attempts: " + e.getMessage(), false, e);
                }
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SinkException("interrupted while retrying delivery of " + file.key() + " to "
                        + delegate.describe(), false, e);
            }
            backoff = Math.min(maxBackoffMillis, backoff * 2);
        }
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
