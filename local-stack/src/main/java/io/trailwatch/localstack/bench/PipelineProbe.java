package io.trailwatch.localstack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Looks at the pipeline from outside: end offsets of topics, committed offsets of consumer groups (Kafka admin
 * API), rows in query-service's tables (JDBC), and the committed contents of a topic.
 */
public final class PipelineProbe implements AutoCloseable {

    private final String bootstrapServers;
    private final Admin admin;
    private final Connection db;
    private final Map<String, List<TopicPartition>> partitions = new HashMap<>();

    public PipelineProbe(String bootstrapServers, String jdbcUrl, String user, String password) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        try {
            this.db = DriverManager.getConnection(jdbcUrl, user, password);
        } catch (SQLException e) {
            admin.close();
            throw new IllegalStateException("cannot connect to PostgreSQL at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** Sum over partitions of the topic's end offsets (for a non-transactional topic: records written). */
    public long endOffsetSum(String topic) {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<TopicPartition, Long> endOffsets(String topic) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicPartition tp : partitionsOf(topic)) {
            request.put(tp, OffsetSpec.latest());
        }
        Map<TopicPartition, Long> out = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                : get(admin.listOffsets(request).all(), "end offsets of " + topic).entrySet()) {
            out.put(e.getKey(), e.getValue().offset());
        }
        return out;
    }

    /** Sum over the topic's partitions of the group's committed offsets (a partition without one counts 0). */
    public long committedSum(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata(), "committed offsets of group " + group);
        long sum = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
            if (e.getKey().topic().equals(topic) && e.getValue() != null) {
                sum += e.getValue().offset();
            }
        }
        return sum;
    }

    /**
     * Rows inserted into query.events (its day partitions), from PostgreSQL's statistics: cheap enough to ask every
     * 200 ms, where a {@code count(*)} of a growing table took a good part of a core from the stage it measured. They
     * lag: PostgreSQL flushes a busy backend's counters once a second and an idle one's after 10 s, so take the
     * stage's times from {@link #storedSince}.
     */
    public long eventsInserted() {
        try (Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables"
                     + " WHERE schemaname = 'query' AND relname LIKE 'events_p%'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the insert counters of query.events: " + e.getMessage(), e);
        }
    }

    /**
     * The events stored from wall-clock time {@code fromMillis} on, timed by their own {@code ingested_at} (the
     * start of the transaction that stored their batch).
     */
    public StoredRows storedSince(long fromMillis) {
        try (PreparedStatement statement = db.prepareStatement("""
                WITH r AS (SELECT ingested_at FROM query.events WHERE ingested_at >= to_timestamp(? / 1000.0))
                SELECT count(*),
                       count(*) FILTER (WHERE ingested_at = (SELECT min(ingested_at) FROM r)),
                       coalesce((extract(epoch FROM min(ingested_at)) * 1000)::bigint, 0),
                       coalesce((extract(epoch FROM max(ingested_at)) * 1000)::bigint, 0)
                  FROM r""")) {
            statement.setLong(1, fromMillis);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new StoredRows(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read when the events were stored: " + e.getMessage(), e);
        }
    }

    /**
     * @param firstBatch rows of the earliest batch (sharing its ingested_at)
     * @param firstMillis when the earliest batch's transaction started
     * @param lastMillis when the latest batch's transaction started
     */
    public record StoredRows(long rows, long firstBatch, long firstMillis, long lastMillis) {
    }

    public Connection database() {
        return db;
    }

    /**
     * Reads every committed record of {@code topic} from the beginning up to its current last stable offset and
     * hands each value to {@code values}; returns how many there were.
     */
    public long readCommitted(String topic, Consumer<String> values) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "trailwatch-bench-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        long count = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> parts = partitionsOf(topic);
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 5 minutes");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.accept(record.value());
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitionsOf(String topic) {
        return partitions.computeIfAbsent(topic, t -> {
            List<TopicPartition> out = new ArrayList<>();
            get(admin.describeTopics(List.of(t)).allTopicNames(), "partitions of " + t).get(t).partitions()
                    .forEach(p -> out.add(new TopicPartition(t, p.partition())));
            return out;
        });
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read " + what + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
        try {
            db.close();
        } catch (SQLException e) {
            // Closing a connection to a server that is about to stop: nothing to do about it.
        }
    }
}
