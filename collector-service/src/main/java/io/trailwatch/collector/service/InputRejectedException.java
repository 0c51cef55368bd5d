package io.trailwatch.collector.service;

import io.trailwatch.contracts.RejectionReason;

/** A whole input (file, upload) that cannot be read further, and why. */
public class InputRejectedException extends RuntimeException {

    private final RejectionReason reason;

    public InputRejectedException(RejectionReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
