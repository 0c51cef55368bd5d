package io.trailwatch.collector.messaging;

import io.trailwatch.collector.config.CollectorConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/** Creates the compacted topic of listing checkpoints when it is missing (an existing one is left as it is). */
public final class CheckpointTopic {

    private static final Logger LOG = Logger.getLogger(CheckpointTopic.class);

    private CheckpointTopic() {
    }

    public static void ensure(Map<String, Object> kafkaConfig, CollectorConfig.Checkpoints checkpoints) {
        try (Admin admin = Admin.create(kafkaConfig)) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(checkpoints.topic())) {
                return;
            }
            Optional<Short> replication = checkpoints.replicationFactor() > 0
                    ? Optional.of(checkpoints.replicationFactor()) : Optional.empty();
            NewTopic topic = new NewTopic(checkpoints.topic(), Optional.of(checkpoints.partitions()), replication)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            LOG.infof("created the compacted checkpoint topic %s with %d partitions", checkpoints.topic(),
                    checkpoints.partitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the checkpoint topic " + checkpoints.topic() + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s while checking the checkpoint topic "
                    + checkpoints.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the checkpoint topic", e);
        }
    }
}
