package io.trailwatch.localstack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Notes when each CloudTrail record reached the events topic (the record's timestamp, which the collector's
 * producer sets when it sends), by eventID, from the moment it is started. It only looks for the eventID in each
 * record's bytes, so following the topic costs the measured machine little.
 */
final class KafkaArrivals implements AutoCloseable {

    private static final String EVENT_ID = "\"eventID\":\"";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    KafkaArrivals(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "trailwatch-bench-arrivals-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo p : consumer.partitionsFor(topic)) {
            partitions.add(new TopicPartition(topic, p.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::follow, "bench-kafka-arrivals");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String id = eventId(record.value());
                    if (id != null) {
                        arrivals.putIfAbsent(id, record.timestamp());
                    }
                }
            }
        } catch (WakeupException e) {
            // close() ends the loop this way
        } finally {
            consumer.close();
        }
    }

    static String eventId(byte[] json) {
        if (json == null) {
            return null;
        }
        String text = new String(json, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(EVENT_ID);
        if (at < 0) {
            return null;
        }
        int from = at + EVENT_ID.length();
        int to = text.indexOf('"', from);
        return to < 0 ? null : text.substring(from, to);
    }

    /** When the record with this eventID reached the topic (epoch millis), or null. */
    Long arrival(String eventId) {
        return arrivals.get(eventId);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
