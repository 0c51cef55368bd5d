package io.trailwatch.rules.client;

import io.trailwatch.rules.config.RulesConfig;
import io.trailwatch.rules.streams.EventsPartitionCount;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsException;

/** Asks the brokers once how many partitions the events topic has; a topic's partitions never shrink. */
@ApplicationScoped
public class EventsTopicPartitions implements EventsPartitionCount {

    private static final long TIMEOUT_SECONDS = 60;

    private final String topic;
    private int count;

    public EventsTopicPartitions(RulesConfig config) {
        this.topic = config.eventsTopic();
    }

    /** Called only when an outlier task starts (a dozen times per rebalance), so a plain lock will do. */
    @Override
    public synchronized int of(Map<String, Object> streamsConfig) {
        if (count == 0) {
            count = describe(streamsConfig);
        }
        return count;
    }

    private int describe(Map<String, Object> streamsConfig) {
        Map<String, Object> adminConfig = new StreamsConfig(streamsConfig)
                .getAdminConfigs("trailwatch-rules-events-partitions");
        try (Admin admin = Admin.create(adminConfig)) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsException("interrupted while asking for the partitions of " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StreamsException("cannot learn how many partitions " + topic + " has (outlier detection "
                    + "waits for every one of them): " + e.getMessage(), e);
        }
    }
}
