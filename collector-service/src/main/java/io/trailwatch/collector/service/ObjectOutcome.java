package io.trailwatch.collector.service;

/**
 * How reading one object ended. Done means nothing about it needs to happen again: its records are acknowledged
 * by Kafka, or it was skipped, or it was rejected (and the rejection acknowledged). Otherwise it must be tried
 * again, and {@code problem} says why.
 *
 * @param kafkaUnavailable the failure was Kafka's, not the object's: stop taking new work for a while
 */
public record ObjectOutcome(boolean done, boolean kafkaUnavailable, String problem) {

    public static final ObjectOutcome DONE = new ObjectOutcome(true, false, null);

    public static ObjectOutcome retry(String problem) {
        return new ObjectOutcome(false, false, problem);
    }

    public static ObjectOutcome kafkaDown(String problem) {
        return new ObjectOutcome(false, true, problem);
    }
}
