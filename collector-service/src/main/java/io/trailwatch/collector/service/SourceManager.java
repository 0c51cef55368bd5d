package io.trailwatch.collector.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.trailwatch.collector.client.AwsClients;
import io.trailwatch.collector.config.CollectorConfig;
import io.trailwatch.collector.messaging.EventPublisher;
import io.trailwatch.collector.messaging.SqsNotificationSource;
import io.trailwatch.collector.service.listing.BucketListingSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Builds the configured sources at start, runs them, and stops them before the Kafka producer closes, so work in
 * progress can still be acknowledged.
 */
@ApplicationScoped
public class SourceManager {

    private static final Logger LOG = Logger.getLogger(SourceManager.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+");
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final CollectorConfig config;
    private final Map<String, Object> kafkaConfig;
    private final IntakeService intake;
    private final EventPublisher publisher;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;
    private final List<CollectorSource> sources = new CopyOnWriteArrayList<>();

    public SourceManager(CollectorConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                         IntakeService intake, EventPublisher publisher, ObjectMapper mapper, MeterRegistry metrics) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.intake = intake;
        this.publisher = publisher;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        config.sources().sqs().forEach((name, source) -> sources.add(sqs(checkName("sqs", name), source)));
        config.sources().s3().forEach((name, source) -> sources.add(s3(checkName("s3", name), source)));
        sources.forEach(CollectorSource::start);
        if (sources.isEmpty()) {
            LOG.info("no S3 or SQS sources configured: only the HTTP intake receives files");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        sources.parallelStream().forEach(source -> source.stop(STOP_GRACE));
        publisher.flush();
    }

    public List<CollectorSource> sources() {
        return List.copyOf(sources);
    }

    private static String checkName(String type, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("source name '" + name + "' in trailwatch.collector.sources." + type
                    + " must be lower-case letters and digits only (it is part of environment variable names)");
        }
        return name;
    }

    private CollectorSource sqs(String name, CollectorConfig.SqsSource source) {
        AwsClients clients = new AwsClients("sqs-" + name, source, source.queueUrl());
        S3ObjectReader reader = new S3ObjectReader(clients.s3(), intake, config.limits());
        return new SqsNotificationSource(name, source, clients.sqs(source.sqsEndpoint()), reader, intake, mapper,
                metrics, clients);
    }

    private CollectorSource s3(String name, CollectorConfig.S3Source source) {
        AwsClients clients = new AwsClients("s3-" + name, source, null);
        var s3 = clients.s3();
        return new BucketListingSource(name, source, s3, new S3ObjectReader(s3, intake, config.limits()), publisher,
                kafkaConfig, config.checkpoints(), mapper, metrics, clients, Clock.systemUTC());
    }
}
