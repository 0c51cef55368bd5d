package io.trailwatch.rules.streams;

import java.util.Map;

/**
 * How many partitions the events topic has. An outlier task closes a slice only once it has heard from every one
 * of them (a tick, or an idle signal from a partition without records), so a task that starts while the others are
 * still reading their backlog cannot close slices their records belong to.
 */
@FunctionalInterface
public interface EventsPartitionCount {

    /** @param streamsConfig the Kafka Streams configuration (how to reach the brokers) */
    int of(Map<String, Object> streamsConfig);
}
