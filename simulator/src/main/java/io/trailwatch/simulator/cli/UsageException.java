package io.trailwatch.simulator.cli;

/** A command line the user got wrong; the message says what and how to fix it. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
