package io.trailwatch.simulator;

/** The simulator stopped because of a failure it could not work around (e.g. a sink that keeps failing). */
public final class SimulatorException extends RuntimeException {

    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
