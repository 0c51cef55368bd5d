package io.trailwatch.simulator.event;

/** An entry of a record's {@code resources} array. */
public record Resource(String arn, String accountId, String type) {
}
