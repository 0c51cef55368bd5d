package io.trailwatch.alert.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.trailwatch.alert.repository.OffsetStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * On partition assignment, moves the consumer forward to the offsets committed in the database with the decisions
 * they led to, when Kafka's committed offsets lag behind them (the service died between the two commits).
 */
@ApplicationScoped
@Identifier(FindingOffsets.NAME)
public class FindingOffsets implements KafkaConsumerRebalanceListener {

    public static final String NAME = "alert-findings-offsets";
    private static final Logger LOG = Logger.getLogger(FindingOffsets.class);

    private final OffsetStore offsets;
    private final String group;

    public FindingOffsets(OffsetStore offsets,
                          @ConfigProperty(name = "mp.messaging.incoming.findings.group.id") String group) {
        this.offsets = offsets;
        this.group = group;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> stored = QuarkusTransaction.requiringNew().call(() -> offsets.load(group, partitions));
        stored.forEach((partition, next) -> {
            long position = consumer.position(partition);
            if (next > position) {
                LOG.infof("%s: resuming at offset %d recorded with the last decisions (Kafka had %d)", partition, next,
                        position);
                consumer.seek(partition, next);
            }
        });
    }
}
