package io.trailwatch.rules.streams;

import io.trailwatch.infra.DataDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trailwatch.contracts.ContractJson;
import io.trailwatch.contracts.Finding;
import io.trailwatch.contracts.Rejection;
import io.trailwatch.contracts.SeriesPoint;
import io.trailwatch.contracts.Topics;
import io.trailwatch.rules.config.RulesConfig;
import io.trailwatch.rules.service.FindingFactory;
import io.trailwatch.rules.service.GeoLocator;
import io.trailwatch.rules.service.RuleCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/** The service's topology in a TopologyTestDriver, with readers for its three output topics. */
final class TopologyHarness implements AutoCloseable {

    static final ObjectMapper MAPPER = ContractJson.newMapper();
    private static final GeoLocator GEO = new GeoLocator(Optional.empty(), Optional.empty());

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Topology topology;
    private final Path stateDir;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> events;
    private final TestOutputTopic<String, String> findings;
    private final TestOutputTopic<String, String> metrics;
    private final TestOutputTopic<String, String> rejected;

    TopologyHarness(RuleCatalog catalog, RulesConfig config) {
        FindingFactory factory = new FindingFactory(GEO);
        EventEvaluator evaluator = new EventEvaluator(catalog.rules(), factory, MAPPER, registry);
        topology = new RulesTopology(evaluator, catalog, factory, GEO, config, MAPPER, registry,
                streamsConfig -> 1).topology();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "rules-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        try {
            stateDir = Files.createTempDirectory("rules-topology-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, props, Instant.parse("2026-11-28T00:00:00Z"));
        events = driver.createInputTopic(Topics.CLOUDTRAIL_EVENTS, new StringSerializer(), new ByteArraySerializer());
        findings = driver.createOutputTopic(Topics.FINDINGS, new StringDeserializer(), new StringDeserializer());
        metrics = driver.createOutputTopic(Topics.METRICS, new StringDeserializer(), new StringDeserializer());
        rejected = driver.createOutputTopic(Topics.REJECTED, new StringDeserializer(), new StringDeserializer());
    }

    /** Pipes a record whose Kafka timestamp (when the collector published it) is 5 minutes after its eventTime. */
    void send(String record) {
        JsonNode tree = read(record);
        Instant published = tree.hasNonNull("eventTime")
                ? Instant.parse(tree.get("eventTime").asText()).plus(Duration.ofMinutes(5))
                : Instant.parse("2026-11-28T00:00:00Z");
        send(record, published);
    }

    void send(String record, Instant published) {
        String key = read(record).path("recipientAccountId").asText("unknown");
        events.pipeInput(key, record.getBytes(StandardCharsets.UTF_8), published);
    }

    void sendRaw(byte[] value) {
        events.pipeInput("111122223333", value, Instant.parse("2026-11-28T00:00:00Z"));
    }

    void advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    List<Finding> findings() {
        return findings.readValuesToList().stream().map(json -> parse(json, Finding.class)).toList();
    }

    List<SeriesPoint> points() {
        return metrics.readKeyValuesToList().stream().map(kv -> {
            SeriesPoint point = parse(kv.value, SeriesPoint.class);
            if (!kv.key.equals(point.seriesId())) {
                throw new AssertionError("series point keyed " + kv.key + " but its series is " + point.seriesId());
            }
            return point;
        }).toList();
    }

    List<Rejection> rejections() {
        return rejected.readValuesToList().stream().map(json -> parse(json, Rejection.class)).toList();
    }

    double counter(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        driver.close();
        DataDirectory.delete(stateDir);
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T> T parse(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + json, e);
        }
    }
}
