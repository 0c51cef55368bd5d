package io.trailwatch.simulator.sink;

/** A log file could not be delivered; {@link #retryable()} says whether trying again may help. */
public final class SinkException extends Exception {

    private final boolean retryable;

    public SinkException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public SinkException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
