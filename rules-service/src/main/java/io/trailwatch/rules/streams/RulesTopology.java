package io.trailwatch.rules.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.trailwatch.contracts.Finding;
import io.trailwatch.contracts.Rejection;
import io.trailwatch.rules.config.RulesConfig;
import io.trailwatch.rules.service.FindingFactory;
import io.trailwatch.rules.service.GeoLocator;
import io.trailwatch.rules.service.RuleCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * events → rule matching → findings (keyed by account) and rejections (keyed by source); and, when outlier
 * detectors are enabled, counted records → repartition by series (topic {@code trailwatch-rules-outlier-signals-
 * p<N>-repartition}, N = {@code trailwatch.rules.outliers.partitions}) → per-series slices in event time → series
 * points (keyed by series id) and outlier findings.
 *
 * <p>Runs with exactly-once processing, finding ids are deterministic and outlier state lives in changelogged
 * stores (see {@link OutlierStores}), so a replay never produces a finding or a series point twice.
 */
@ApplicationScoped
public class RulesTopology {

    private final EventEvaluator evaluator;
    private final RuleCatalog catalog;
    private final FindingFactory findings;
    private final GeoLocator geo;
    private final RulesConfig config;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;
    private final EventsPartitionCount eventsPartitions;

    public RulesTopology(EventEvaluator evaluator, RuleCatalog catalog, FindingFactory findings, GeoLocator geo,
            RulesConfig config, ObjectMapper mapper, MeterRegistry metrics, EventsPartitionCount eventsPartitions) {
        this.evaluator = evaluator;
        this.catalog = catalog;
        this.findings = findings;
        this.geo = geo;
        this.config = config;
        this.mapper = mapper;
        this.metrics = metrics;
        this.eventsPartitions = eventsPartitions;
    }

    @Produces
    public Topology topology() {
        List<ActiveDetector> detectors = config.outliers().enabled()
                ? ActiveDetector.of(catalog.activeDetectors(), catalog.rules(), config.outliers().grace())
                : List.of();
        OutlierMetrics outlierMetrics = new OutlierMetrics(metrics);
        StreamsBuilder builder = new StreamsBuilder();
        Consumed<String, byte[]> consumed = Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("events");
        EventTimes eventTimes = new EventTimes(config.outliers().maxClockSkew().toMillis());
        String[] sourceStores = detectors.isEmpty() ? new String[0] : new String[] {OutlierStores.SOURCE_WATERMARK};
        if (!detectors.isEmpty()) {
            builder.addStateStore(OutlierStores.sourceWatermark());
        }
        KStream<String, Object> evaluated = builder.stream(config.eventsTopic(), consumed)
                .process(() -> new EventProcessor(evaluator, config.eventsTopic(), detectors, eventTimes,
                        config.outliers().idleAfter(), outlierMetrics), Named.as("evaluate"), sourceStores);

        TopicNameExtractor<String, Object> topics = (key, value, context) -> value instanceof Finding
                ? config.findingsTopic()
                : value instanceof Rejection ? config.rejectedTopic() : config.metricsTopic();
        Produced<String, Object> produced = Produced.with(Serdes.String(), JsonSerde.any(mapper));
        if (detectors.isEmpty()) {
            evaluated.to(topics, produced.withName("publish"));
            return builder.build();
        }

        Map<String, KStream<String, Object>> routes = evaluated.split(Named.as("route-"))
                .branch((key, value) -> value instanceof OutlierSignal, Branched.as("signals"))
                .defaultBranch(Branched.as("published"));
        routes.get("route-published").to(topics, produced.withName("publish"));

        int outlierTasks = config.outliers().partitions();
        if (outlierTasks < 1) {
            throw new IllegalArgumentException("trailwatch.rules.outliers.partitions must be at least 1, got "
                    + outlierTasks);
        }
        OutlierStores stores = new OutlierStores(outlierTasks);
        builder.addStateStore(stores.progressStore());
        builder.addStateStore(stores.seriesStore());
        builder.addStateStore(stores.dueStore());
        Serde<OutlierSignal> signals = JsonSerde.of(OutlierSignal.class, mapper);
        routes.get("route-signals")
                .mapValues(value -> (OutlierSignal) value, Named.as("as-signal"))
                .repartition(Repartitioned.with(Serdes.String(), signals).withName(stores.signals)
                        .withNumberOfPartitions(outlierTasks)
                        .withStreamPartitioner(new SignalPartitioner()))
                .process(() -> new OutlierProcessor(detectors, findings, geo, mapper, outlierMetrics,
                        eventsPartitions, stores),
                        Named.as("outliers"), stores.progress, stores.series, stores.due)
                .to(topics, Produced.with(Serdes.String(), JsonSerde.any(mapper)).withName("publish-outliers"));
        return builder.build();
    }
}
