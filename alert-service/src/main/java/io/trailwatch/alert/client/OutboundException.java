package io.trailwatch.alert.client;

/** A request that got no HTTP answer; {@code retryable} is false when trying again cannot help (refused URL). */
public class OutboundException extends Exception {

    private final boolean retryable;

    public OutboundException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
