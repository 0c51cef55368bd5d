package io.trailwatch.collector.messaging;

import io.smallrye.common.annotation.Identifier;
import io.trailwatch.collector.config.CollectorConfig;
import io.trailwatch.collector.service.CloudTrailRecord;
import io.trailwatch.contracts.EventHeaders;
import io.trailwatch.contracts.Rejection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes CloudTrail records and rejections. A plain idempotent producer with acks=all: the collector's unit of
 * work (an upload, an S3 object) is done only when Kafka acknowledged every one of its records, which
 * {@link #publish} reports through one future.
 */
@ApplicationScoped
public class EventPublisher {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EventPublisher.class);
    private static final byte[] CLOUDTRAIL = EventHeaders.RECORD_TYPE_CLOUDTRAIL.getBytes(StandardCharsets.UTF_8);
    private static final byte[] INSIGHT = EventHeaders.RECORD_TYPE_INSIGHT.getBytes(StandardCharsets.UTF_8);

    private final KafkaProducer<String, byte[]> producer;
    private final CollectorConfig config;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    public EventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, CollectorConfig config,
                          com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "collector-service");
        if ("lz4".equals(String.valueOf(props.get(ProducerConfig.COMPRESSION_TYPE_CONFIG)))) {
            loadNativeLz4();
        }
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Kafka compresses with lz4-java's fastest implementation, which is the native one only when the library was
     * loaded by the system class loader or already loaded. Under Quarkus' class loader it silently falls back to
     * pure Java, several times slower, and compression is most of the collector's CPU per record. Loading the
     * native library first lets Kafka use it; where it cannot load (an unusual platform) Java remains.
     */
    private static void loadNativeLz4() {
        try {
            Class.forName("net.jpountz.lz4.LZ4Factory").getMethod("nativeInstance").invoke(null);
            LOG.debug("lz4: native library loaded");
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.infof("lz4: native library not available (%s); compressing in Java", e);
        }
    }

    /** Sends the records; the future completes when all are acknowledged, or fails with the first error. */
    public CompletableFuture<Void> publish(List<CloudTrailRecord> records, String source) {
        if (records.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger pending = new AtomicInteger(records.size());
        byte[] sourceHeader = source.getBytes(StandardCharsets.UTF_8);
        byte[] ingestTime = Instant.now().toString().getBytes(StandardCharsets.UTF_8);
        // Shared by the batch's records: each ProducerRecord copies its headers, from a RecordHeaders in one step.
        RecordHeaders cloudTrail = headers(sourceHeader, ingestTime, CLOUDTRAIL);
        RecordHeaders insight = headers(sourceHeader, ingestTime, INSIGHT);
        for (CloudTrailRecord record : records) {
            producer.send(new ProducerRecord<>(config.eventsTopic(), null, record.accountId(), record.json(),
                    record.insight() ? insight : cloudTrail),
                    (metadata, error) -> {
                        if (error != null) {
                            done.completeExceptionally(error);
                        } else if (pending.decrementAndGet() == 0) {
                            done.complete(null);
                        }
                    });
        }
        return done;
    }

    private static RecordHeaders headers(byte[] source, byte[] ingestTime, byte[] recordType) {
        return new RecordHeaders(new Header[] {
            new RecordHeader(EventHeaders.SOURCE, source),
            new RecordHeader(EventHeaders.INGEST_TIME, ingestTime),
            new RecordHeader(EventHeaders.RECORD_TYPE, recordType)});
    }

    /** Sends a rejection; the future completes when it is acknowledged. */
    public CompletableFuture<Void> reject(Rejection rejection) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        byte[] value;
        try {
            value = mapper.writeValueAsBytes(rejection);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a Rejection always serializes", e);
        }
        producer.send(new ProducerRecord<>(config.rejectedTopic(), rejection.source(), value), (metadata, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(null);
            }
        });
        return done;
    }

    /**
     * Sends {@code value} to one partition of {@code topic} (listing checkpoints); the future completes when it is
     * acknowledged.
     */
    public CompletableFuture<Void> sendTo(String topic, int partition, String key, byte[] value) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, partition, key, value), (metadata, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(null);
            }
        });
        return done;
    }

    /** Waits until everything sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
