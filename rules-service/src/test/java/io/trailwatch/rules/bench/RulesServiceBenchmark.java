package io.trailwatch.rules.bench;

import io.trailwatch.infra.KafkaBroker;
import io.trailwatch.rules.support.KafkaTopics;
import io.trailwatch.rules.support.RulesServiceRun;
import io.trailwatch.rules.support.SimulatedCloudTrail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.tools.ConsumerPerformance;

/**
 * End-to-end throughput of the packaged rules-service against a real broker on this machine: the events topic
 * is filled with simulated organisation CloudTrail first, then each run starts a fresh service (new application
 * id, so it reads everything) and the rate at which it consumes and commits the events (findings and series
 * published in the same transactions) is measured from its first commit to its last. The raw rate of
 * kafka-consumer-perf-test (ConsumerPerformance) over the same records is measured next to it.
 *
 * <pre>
 * flock /tmp/trailwatch-mvn.lock ./mvnw -B -o -pl rules-service -Pbench -DskipTests verify \
 *     [-Dbench.args="events=600000 repeats=2"]
 * </pre>
 *
 * Arguments: {@code jar=PATH} (the packaged service), {@code events=N} (about that many records, default 600000),
 * {@code repeats=N} (runs per configuration, default 2; the best is reported), {@code heap=SIZE} (the service's
 * -Xmx, default 1g).
 */
public final class RulesServiceBenchmark {

    private static final int PARTITIONS = 12;
    private static final double EVENTS_PER_SECOND = 250;

    private RulesServiceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are name=value, got " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path jar = Path.of(options.getOrDefault("jar", "rules-service/target/quarkus-app/quarkus-run.jar"));
        long wanted = Long.parseLong(options.getOrDefault("events", "600000"));
        int repeats = Integer.parseInt(options.getOrDefault("repeats", "2"));
        String heap = options.getOrDefault("heap", "1g");

        Path work = Files.createTempDirectory("rules-bench");
        try (KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0)) {
            String bootstrap = broker.bootstrapServers();
            String events = "bench-events";
            KafkaTopics.create(bootstrap, List.of(events), PARTITIONS);
            long records = fill(bootstrap, events, wanted);
            long bytes = bytes(bootstrap, events);
            System.out.printf(Locale.ROOT, "%n%d simulated CloudTrail records (%.0f bytes on average) in %s, %d "
                    + "partitions%n", records, (double) bytes / records, events, PARTITIONS);

            List<String> lines = new ArrayList<>();
            double raw = 0;
            for (int i = 0; i < repeats; i++) {
                raw = Math.max(raw, consumerPerformance(bootstrap, events, records));
            }
            lines.add(String.format(Locale.ROOT, "| kafka-consumer-perf-test (ConsumerPerformance 4.1.2) | %,.0f | 1.00 | - |",
                    raw));
            Result without = best(repeats, () -> run(jar, bootstrap, events, records, work, heap, false));
            Result with = best(repeats, () -> run(jar, bootstrap, events, records, work, heap, true));
            lines.add(String.format(Locale.ROOT, "| rules-service, outlier detection off | %,.0f | %.2f | %,d findings |",
                    without.rate, without.rate / raw, without.findings));
            lines.add(String.format(Locale.ROOT, "| rules-service, outlier detection on (built-in detector) | %,.0f | "
                    + "%.2f | %,d findings, %,d series points |", with.rate, with.rate / raw, with.findings, with.points));

            System.out.println();
            System.out.println("| what | events/s | ratio to raw consumer | output |");
            System.out.println("|---|---|---|---|");
            lines.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "%noutlier detection costs %.1f%% of the throughput (%,.0f -> %,.0f "
                    + "events/s)%n", 100 * (1 - with.rate / without.rate), without.rate, with.rate);
            System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, %s; %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), System.getProperty("os.name"), Instant.now());
        }
    }

    private record Result(double rate, long findings, long points) {
    }

    private interface Run {
        Result run() throws Exception;
    }

    private static Result best(int repeats, Run run) throws Exception {
        Result best = null;
        for (int i = 0; i < repeats; i++) {
            Result result = run.run();
            if (best == null || result.rate > best.rate) {
                best = result;
            }
        }
        return best;
    }

    /** Simulated traffic (flat rhythm, all scenarios), published as the collector would. */
    private static long fill(String bootstrap, String topic, long wanted) {
        Duration duration = Duration.ofSeconds(Math.max(60, (long) (wanted / EVENTS_PER_SECOND)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "acks", "all", "linger.ms", "20", "batch.size", "262144", "compression.type", "lz4"),
                new StringSerializer(), new ByteArraySerializer())) {
            // Recent times: the records' timestamps are delivery times, and the broker keeps 7 days.
            Instant start = Instant.now().minus(duration).minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
            long count = SimulatedCloudTrail.generate(7, start, duration,
                    EVENTS_PER_SECOND, (key, value, timestamp) -> producer.send(new ProducerRecord<>(topic, null,
                            timestamp, key, value)));
            producer.flush();
            return count;
        }
    }

    private static long bytes(String bootstrap, String topic) {
        long[] total = new long[1];
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(Map.of(
                "bootstrap.servers", bootstrap, "group.id", "bench-size-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "enable.auto.commit", "false"),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long seen = 0;
            long end = KafkaTopics.endOffsets(bootstrap, topic);
            while (seen < end) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    total[0] += record.serializedValueSize();
                    seen++;
                }
            }
        }
        return total[0];
    }

    /** ConsumerPerformance in this JVM; returns its fetch rate in records per second (rebalance excluded). */
    private static double consumerPerformance(String bootstrap, String topic, long records) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ConsumerPerformance.main(new String[] {"--bootstrap-server", bootstrap, "--topic", topic,
                "--messages", Long.toString(records), "--group", "perf-" + UUID.randomUUID(), "--timeout", "120000"});
        } finally {
            System.setOut(stdout);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        String[] lines = output.strip().split("\n");
        String[] header = lines[lines.length - 2].split(",\\s*");
        String[] values = lines[lines.length - 1].split(",\\s*");
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().equals("fetch.nMsg.sec")) {
                return Double.parseDouble(values[i].trim());
            }
        }
        throw new IllegalStateException("unexpected ConsumerPerformance output: " + output);
    }

    private static Result run(Path jar, String bootstrap, String topic, long records, Path work, String heap,
            boolean outliers) throws IOException, InterruptedException {
        RulesServiceRun service = new RulesServiceRun(jar, outliers ? "bench-outliers" : "bench-rules", bootstrap,
                topic, work, Map.of("TRAILWATCH_RULES_OUTLIERS_ENABLED", Boolean.toString(outliers)),
                List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
        service.start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long firstTime = 0;
            long firstCommitted = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while (System.nanoTime() < deadline) {
                long committed = KafkaTopics.committed(admin, service.applicationId, topic);
                long now = System.nanoTime();
                if (firstTime == 0 && committed > 0) {
                    firstTime = now;
                    firstCommitted = committed;
                }
                if (committed >= records) {
                    double rate = (records - firstCommitted) / ((now - firstTime) / 1e9);
                    long findings = KafkaTopics.count(bootstrap, service.findingsTopic);
                    long points = KafkaTopics.count(bootstrap, service.metricsTopic);
                    System.out.printf(Locale.ROOT, "rules-service (outliers %s): %,d records in %.1f s after the "
                            + "first commit: %,.0f events/s; %,d findings, %,d series points%n",
                            outliers ? "on" : "off", records - firstCommitted, (now - firstTime) / 1e9, rate,
                            findings, points);
                    return new Result(rate, findings, points);
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the service did not consume " + records + " records within 15 minutes; "
                    + "see " + service.log());
        } finally {
            service.stop();
        }
    }
}
