package io.trailwatch.alert.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer's progress: the next offset to read per partition, written in the transaction that stored what the
 * records before it led to. It only moves forward.
 */
@ApplicationScoped
public class OffsetStore {

    private final Sql sql;

    public OffsetStore(Sql sql) {
        this.sql = sql;
    }

    public void save(String group, Map<TopicPartition, Long> nextOffsets) {
        if (nextOffsets.isEmpty()) {
            return;
        }
        sql.work(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO alert.consumer_offsets (consumer_group, topic, kafka_partition, next_offset, updated_at)
                    VALUES (?, ?, ?, ?, now())
                    ON CONFLICT (consumer_group, topic, kafka_partition) DO UPDATE SET
                        next_offset = GREATEST(alert.consumer_offsets.next_offset, EXCLUDED.next_offset),
                        updated_at = now()""")) {
                for (Map.Entry<TopicPartition, Long> e : nextOffsets.entrySet()) {
                    upsert.setString(1, group);
                    upsert.setString(2, e.getKey().topic());
                    upsert.setInt(3, e.getKey().partition());
                    upsert.setLong(4, e.getValue());
                    upsert.addBatch();
                }
                return upsert.executeBatch();
            }
        });
    }

    public Map<TopicPartition, Long> load(String group, Collection<TopicPartition> partitions) {
        return sql.work(c -> {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT topic, kafka_partition, next_offset FROM alert.consumer_offsets WHERE consumer_group = ?""")) {
                select.setString(1, group);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        TopicPartition tp = new TopicPartition(rs.getString(1), rs.getInt(2));
                        if (partitions.contains(tp)) {
                            offsets.put(tp, rs.getLong(3));
                        }
                    }
                }
            }
            return offsets;
        });
    }
}
