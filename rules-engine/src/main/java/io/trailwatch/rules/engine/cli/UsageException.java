package io.trailwatch.rules.engine.cli;

/** A command line that cannot be run as given; the CLI prints the message and the usage, and exits 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
