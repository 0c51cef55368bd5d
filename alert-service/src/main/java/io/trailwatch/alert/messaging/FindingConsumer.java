package io.trailwatch.alert.messaging;

import io.smallrye.common.annotation.Blocking;
import io.trailwatch.alert.service.DeliveryPump;
import io.trailwatch.alert.service.IngestService;
import io.trailwatch.common.messaging.RetryUntilDone;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns findings into notification decisions. A batch's decisions and the partitions' next offsets are committed
 * in one database transaction; the batch is acknowledged to Kafka only afterwards. After a crash the consumer
 * resumes from the offsets in the database ({@link FindingOffsets}), and a finding seen twice anyway is recognised
 * by its id, so no decision is lost or doubled.
 */
@ApplicationScoped
public class FindingConsumer {

    private final IngestService ingest;
    private final DeliveryPump pump;
    private final String group;

    public FindingConsumer(IngestService ingest, DeliveryPump pump,
                           @ConfigProperty(name = "mp.messaging.incoming.findings.group.id") String group) {
        this.ingest = ingest;
        this.pump = pump;
        this.group = group;
    }

    @Incoming("findings")
    @Blocking
    public void findings(ConsumerRecords<String, String> batch) throws InterruptedException {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(batch.count());
        batch.forEach(records::add);
        RetryUntilDone.run("recording " + records.size() + " findings", () -> ingest.ingest(records, group));
        pump.wake();
    }
}
