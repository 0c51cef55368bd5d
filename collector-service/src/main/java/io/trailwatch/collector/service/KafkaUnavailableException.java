package io.trailwatch.collector.service;

/** Kafka did not take the records; the input must be retried, nothing was acknowledged to the sender. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
