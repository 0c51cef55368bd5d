package io.trailwatch.rules.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.infra.testing.SharedInfra;
import io.trailwatch.rules.support.KafkaTopics;
import io.trailwatch.rules.support.RulesServiceRun;
import io.trailwatch.rules.support.SimulatedCloudTrail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, killed (SIGKILL) in the middle of a stream of simulated CloudTrail while the stream is
 * still being written, then restarted, publishes exactly the findings (rules and outlier detectors) and the outlier
 * series points of a run that was never interrupted: none missing, none twice, none different.
 */
class RulesServiceRestartIT {

    static final Path JAR = Path.of(System.getProperty("rules.jar", "target/quarkus-app/quarkus-run.jar"));
    /** Recent, or the broker's 7-day retention would delete the records (their timestamps are delivery times). */
    static final Instant START = Instant.now().minus(Duration.ofHours(4)).truncatedTo(ChronoUnit.HOURS);
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Logs and state of the runs, kept for a look after a failure. */
    private final Path work = Path.of("target", "restart-it").toAbsolutePath();

    @Test
    void aKilledAndRestartedServiceGivesExactlyTheFindingsAndSeriesOfAnUninterruptedRun() throws Exception {
        Files.createDirectories(work);
        String bootstrap = SharedInfra.kafka().bootstrapServers();
        String events = "events-restart-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTopics.create(bootstrap, List.of(events), SharedInfra.TEST_EVENT_PARTITIONS);
        List<ProducerRecord<String, byte[]>> input = new ArrayList<>();
        SimulatedCloudTrail.generate(42, START, Duration.ofHours(3), 3.0,
                (key, value, timestamp) -> input.add(new ProducerRecord<>(events, null, timestamp, key, value)));

        Map<String, String> env = Map.of(
                "TRAILWATCH_RULES_DETECTORS_DIR", detectors().toString(),
                // Long enough that no partition counts as idle while the restarted service works through its backlog
                // (it would stop holding back slice closing, and its records would be late), short enough that the
                // last slices close soon after the input ends.
                "TRAILWATCH_RULES_OUTLIERS_IDLE_AFTER", "10s");
        List<String> jvm = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                // A killed member leaves the group after 6 s instead of 45 s.
                "-Dkafka-streams.session.timeout.ms=6000", "-Dkafka-streams.heartbeat.interval.ms=1500");

        // The first half is written while the service runs and it is killed once a quarter is committed, so the
        // kill always lands mid-stream however fast this machine is; the second half is written after the restart.
        List<ProducerRecord<String, byte[]>> firstHalf = input.subList(0, input.size() / 2);
        List<ProducerRecord<String, byte[]>> secondHalf = input.subList(input.size() / 2, input.size());
        RulesServiceRun interrupted = new RulesServiceRun(JAR, "interrupted", bootstrap, events, work, env, jvm).start();
        Thread producer = new Thread(() -> produce(bootstrap, firstHalf, 4000), "input-producer");
        producer.start();
        long atKill = awaitCommitted(bootstrap, interrupted, events, input.size() / 4, Duration.ofSeconds(90));
        interrupted.kill();
        assertThat(atKill).as("killed mid-stream").isLessThan(input.size());
        producer.join();
        interrupted.start();
        produce(bootstrap, secondHalf, 4000);
        awaitDone(bootstrap, interrupted, events, input.size());
        interrupted.stop();

        // The reference run gets the same records the same way, live, on a topic of its own.
        String replay = events + "-replay";
        KafkaTopics.create(bootstrap, List.of(replay), SharedInfra.TEST_EVENT_PARTITIONS);
        RulesServiceRun uninterrupted = new RulesServiceRun(JAR, "uninterrupted", bootstrap, replay, work, env, jvm)
                .start();
        produce(bootstrap, input.stream().map(r -> new ProducerRecord<>(replay, null, r.timestamp(), r.key(),
                r.value())).toList(), 4000);
        awaitDone(bootstrap, uninterrupted, replay, input.size());
        uninterrupted.stop();

        Map<String, String> expectedFindings = findings(bootstrap, uninterrupted.findingsTopic);
        Map<String, List<String>> expectedSeries = series(bootstrap, uninterrupted.metricsTopic);
        assertThat(expectedFindings.keySet()).as("findings of the uninterrupted run").hasSizeGreaterThan(50);
        assertThat(expectedFindings.values()).filteredOn(f -> f.contains("\"category\":\"outlier\""))
                .as("outlier findings of the uninterrupted run").isNotEmpty();
        assertThat(expectedSeries.keySet()).as("series").anyMatch(s -> s.startsWith("outlier-console-auth-failures|"))
                .anyMatch(s -> s.startsWith("outlier-it-denied-by-account|"));

        System.out.printf("restart test: %d records, killed at offset %d; %d findings (%d outlier), %d series with "
                + "%d points%n", input.size(), atKill, expectedFindings.size(), expectedFindings.values().stream()
                        .filter(f -> f.contains("\"category\":\"outlier\"")).count(), expectedSeries.size(),
                expectedSeries.values().stream().mapToInt(List::size).sum());
        Map<String, String> actualFindings = findings(bootstrap, interrupted.findingsTopic);
        Map<String, List<String>> actualSeries = series(bootstrap, interrupted.metricsTopic);
        assertSame("rule findings", ruleFindings(actualFindings, false), ruleFindings(expectedFindings, false));
        assertSame("outlier findings", ruleFindings(actualFindings, true), ruleFindings(expectedFindings, true));
        assertSame("series", actualSeries, expectedSeries);
        assertThat(KafkaTopics.readAll(bootstrap, interrupted.rejectedTopic)).isEmpty();
    }

    /** The findings of rules ({@code outliers} false) or of outlier detectors ({@code outliers} true). */
    private static Map<String, String> ruleFindings(Map<String, String> findings, boolean outliers) {
        Map<String, String> picked = new TreeMap<>();
        findings.forEach((id, finding) -> {
            if (finding.contains("\"category\":\"outlier\"") == outliers) {
                picked.put(id, finding);
            }
        });
        return picked;
    }

    /** Fails naming the keys missing, extra and different, with the first differences in full. */
    private static <V> void assertSame(String what, Map<String, V> actual, Map<String, V> expected) {
        List<String> missing = expected.keySet().stream().filter(k -> !actual.containsKey(k)).toList();
        List<String> extra = actual.keySet().stream().filter(k -> !expected.containsKey(k)).toList();
        List<String> different = expected.keySet().stream()
                .filter(k -> actual.containsKey(k) && !actual.get(k).equals(expected.get(k))).toList();
        if (missing.isEmpty() && extra.isEmpty() && different.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(what + " of the interrupted run differ from the uninterrupted run's: "
                + missing.size() + " missing " + missing.stream().limit(10).toList() + ", " + extra.size() + " extra "
                + extra.stream().limit(10).toList() + ", " + different.size() + " different");
        for (String key : different.stream().limit(3).toList()) {
            message.append("\n").append(key).append("\n  expected ").append(expected.get(key))
                    .append("\n  actual   ").append(actual.get(key));
        }
        for (String key : missing.stream().limit(3).toList()) {
            message.append("\nmissing ").append(key).append(": ").append(expected.get(key));
        }
        for (String key : extra.stream().limit(3).toList()) {
            message.append("\nextra ").append(key).append(": ").append(actual.get(key));
        }
        throw new AssertionError(message.toString());
    }

    private Path detectors() throws Exception {
        Path dir = Files.createDirectories(work.resolve("detectors"));
        Files.writeString(dir.resolve("failed-signins.yml"), """
                id: outlier-it-failed-signins
                title: "Outlier: failed sign-ins, whole organisation"
                severity: high
                rule: cis-console-auth-failures
                timeslice: 5m
                window: 3
                direction: "+"
                minCount: 5
                """);
        Files.writeString(dir.resolve("denied.yml"), """
                id: outlier-it-denied-by-account
                title: "Outlier: denied calls per account"
                severity: low
                rule: cis-unauthorized-api-calls
                groupBy: accountId
                timeslice: 5m
                window: 3
                threshold: 2
                """);
        return dir;
    }

    /** Writes the records at {@code perSecond}. */
    private static void produce(String bootstrap, List<ProducerRecord<String, byte[]>> input, int perSecond) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "acks", "all", "linger.ms", "5"), new StringSerializer(), new ByteArraySerializer())) {
            long started = System.nanoTime();
            for (int i = 0; i < input.size(); i++) {
                producer.send(input.get(i));
                long due = started + (long) i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) {
                    Thread.sleep(wait / 1_000_000);
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long awaitCommitted(String bootstrap, RulesServiceRun run, String topic, long atLeast,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            while (System.nanoTime() < deadline) {
                long committed = KafkaTopics.committed(admin, run.applicationId, topic);
                if (committed >= atLeast) {
                    return committed;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError(run.applicationId + " did not get to offset " + atLeast + " of " + topic
                + " within " + timeout.toSeconds() + " s; see " + run.log());
    }

    /** All input consumed, and the outputs have not grown for 20 s (idle partitions close the last slices). */
    private static void awaitDone(String bootstrap, RulesServiceRun run, String topic, long records)
            throws InterruptedException {
        awaitCommitted(bootstrap, run, topic, records, Duration.ofSeconds(180));
        long last = -1;
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            long now = KafkaTopics.endOffsets(bootstrap, run.findingsTopic) + KafkaTopics.endOffsets(bootstrap,
                    run.metricsTopic);
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofSeconds(20).toNanos()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(run.applicationId + " kept publishing for 2 minutes; see " + run.log());
    }

    /** Findings by id, without detectedAt (the wall-clock time of detection); fails on a duplicate id. */
    private static Map<String, String> findings(String bootstrap, String topic) throws Exception {
        Map<String, String> byId = new TreeMap<>();
        for (ConsumerRecord<String, String> record : KafkaTopics.readAll(bootstrap, topic)) {
            ObjectNode finding = (ObjectNode) MAPPER.readTree(record.value());
            finding.remove("detectedAt");
            String id = finding.get("findingId").asText();
            assertThat(byId.put(id, record.key() + " " + finding)).as("finding %s published once", id).isNull();
        }
        return byId;
    }

    /** Series points by series id, in publication order. */
    private static Map<String, List<String>> series(String bootstrap, String topic) throws Exception {
        Map<String, List<String>> bySeries = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : KafkaTopics.readAll(bootstrap, topic)) {
            JsonNode point = MAPPER.readTree(record.value());
            assertThat(point.get("seriesId").asText()).isEqualTo(record.key());
            bySeries.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(point.toString());
        }
        return new TreeMap<>(bySeries);
    }
}
