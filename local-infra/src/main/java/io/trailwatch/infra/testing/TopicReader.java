package io.trailwatch.infra.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning in tests, as a fresh consumer group, until enough matching records arrived or
 * the time is up.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record of {@code topic} that matches {@code filter}, waiting until {@code expected} are there. */
    public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic, int expected,
                                                            Duration timeout,
                                                            Predicate<ConsumerRecord<String, String>> filter) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "group.id", "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", "false",
                "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        found.add(record);
                    }
                }
            }
            // Drain what else arrived so callers can assert that nothing beyond the expected came.
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (filter.test(record)) {
                    found.add(record);
                }
            }
        }
        return found;
    }
}
