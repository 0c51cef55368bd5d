package io.trailwatch.rules.bench;

import io.trailwatch.infra.DataDirectory;
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
import java.util.function.ToDoubleFunction;
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
 *     [-Dbench.args="events=2400000 repeats=5"]
 * </pre>
 *
 * Arguments: {@code jar=PATH} (the packaged service), {@code events=N} (about that many records, default 2,400,000:
 * 160 simulated minutes, so outlier slices close during the run and each run lasts long enough to time),
 * {@code repeats=N} (runs per configuration, default 2; the best is reported), {@code heap=SIZE} (the service's
 * -Xmx, default 1g), {@code jvm="..."} (more JVM options for the service, e.g. a JFR recording), {@code modes=off,on}
 * (outlier detection off and/or on).
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
        long wanted = Long.parseLong(options.getOrDefault("events", "2400000"));
        int repeats = Integer.parseInt(options.getOrDefault("repeats", "2"));
        String heap = options.getOrDefault("heap", "1g");
        List<String> serviceJvm = options.containsKey("jvm") ? List.of(options.get("jvm").split(" ")) : List.of();
        List<String> modes = List.of(options.getOrDefault("modes", "off,on").split(","));

        Path work = DataDirectory.temporary("rules-bench");
        try (KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0)) {
            String bootstrap = broker.bootstrapServers();
            String events = "bench-events";
            KafkaTopics.create(bootstrap, List.of(events), PARTITIONS);
            long records = fill(bootstrap, events, wanted);
            long bytes = bytes(bootstrap, events);
            System.out.printf(Locale.ROOT, "%n%d simulated CloudTrail records (%.0f bytes on average) in %s, %d "
                    + "partitions%n", records, (double) bytes / records, events, PARTITIONS);

            double raw = 0;
            List<Result> without = new ArrayList<>();
            List<Result> with = new ArrayList<>();
            // Interleaved, so a burst of load from elsewhere on the machine does not hit one configuration only.
            for (int i = 0; i < repeats; i++) {
                raw = Math.max(raw, consumerPerformance(bootstrap, events, records));
                if (modes.contains("off")) {
                    without.add(run(jar, bootstrap, events, records, work, heap, serviceJvm, false));
                }
                if (modes.contains("on")) {
                    with.add(run(jar, bootstrap, events, records, work, heap, serviceJvm, true));
                }
            }
            System.out.println();
            System.out.println("| what | events/s (best of " + repeats + ") | ratio to raw consumer | CPU per event "
                    + "(service + broker) | output |");
            System.out.println("|---|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| kafka-consumer-perf-test (ConsumerPerformance 4.1.2) | %,.0f | 1.00 | - | - |%n",
                    raw);
            Result off = best(without);
            Result on = best(with);
            if (off != null) {
                System.out.printf(Locale.ROOT, "| rules-service, outlier detection off | %,.0f | %.3f | %.1f µs + %.1f µs "
                        + "| %,d findings |%n", off.rate, off.rate / raw, off.serviceCpuMicros, off.brokerCpuMicros,
                        off.findings);
            }
            if (on != null) {
                System.out.printf(Locale.ROOT, "| rules-service, outlier detection on | %,.0f | %.3f | %.1f µs + %.1f µs "
                        + "| %,d findings, %,d series points |%n", on.rate, on.rate / raw, on.serviceCpuMicros,
                        on.brokerCpuMicros, on.findings, on.points);
            }
            if (off != null && on != null) {
                System.out.printf(Locale.ROOT, "%noutlier detection: throughput %+.1f%% (%,.0f -> %,.0f events/s), "
                        + "CPU per event %+.1f%%%n", 100 * (on.rate / off.rate - 1), off.rate, on.rate,
                        100 * ((on.serviceCpuMicros + on.brokerCpuMicros) / (off.serviceCpuMicros
                                + off.brokerCpuMicros) - 1));
                double offMedian = median(without, Result::rate);
                double onMedian = median(with, Result::rate);
                System.out.printf(Locale.ROOT, "median to median: throughput %+.1f%% (%,.0f -> %,.0f events/s), "
                        + "service CPU per event %.1f -> %.1f µs%n", 100 * (onMedian / offMedian - 1), offMedian,
                        onMedian, median(without, Result::serviceCpuMicros), median(with, Result::serviceCpuMicros));
            }
            System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, %s; load average %s; %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), System.getProperty("os.name"), loadAverage(), Instant.now());
        } finally {
            DataDirectory.delete(work);
        }
    }

    /**
     * One service run: events/s from its first to its last commit, and CPU time per event of the service process
     * and of this process (which hosts the broker) over the same interval.
     */
    private record Result(double rate, double serviceCpuMicros, double brokerCpuMicros, long findings, long points) {
    }

    private static Result best(List<Result> results) {
        return results.stream().max((a, b) -> Double.compare(a.rate, b.rate)).orElse(null);
    }

    private static double median(List<Result> results, ToDoubleFunction<Result> value) {
        double[] values = results.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
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

    private static List<String> jvmOptions(String heap, List<String> extra) {
        List<String> options = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
        options.addAll(extra);
        return options;
    }

    private static Result run(Path jar, String bootstrap, String topic, long records, Path work, String heap,
            List<String> jvm, boolean outliers) throws IOException, InterruptedException {
        RulesServiceRun service = new RulesServiceRun(jar, outliers ? "bench-outliers" : "bench-rules", bootstrap,
                topic, work, Map.of("TRAILWATCH_RULES_OUTLIERS_ENABLED", Boolean.toString(outliers),
                        // Some of the 12 partitions get no account's records; until they are declared idle no
                        // outlier slice closes, and at the 30 s default a run would end before any did.
                        "TRAILWATCH_RULES_OUTLIERS_IDLE_AFTER", "2s"),
                jvmOptions(heap, jvm));
        service.start();
        ProcessHandle serviceProcess = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains(jar.getFileName().toString()))
                .findFirst().orElseThrow(() -> new IllegalStateException("the service process is not found"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long firstTime = 0;
            long firstCommitted = 0;
            long serviceCpuAtFirst = 0;
            long ownCpuAtFirst = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while (System.nanoTime() < deadline) {
                long committed = KafkaTopics.committed(admin, service.applicationId, topic);
                long now = System.nanoTime();
                if (firstTime == 0 && committed > 0) {
                    firstTime = now;
                    firstCommitted = committed;
                    serviceCpuAtFirst = cpuNanos(serviceProcess);
                    ownCpuAtFirst = cpuNanos(ProcessHandle.current());
                }
                if (committed >= records) {
                    long events = records - firstCommitted;
                    double rate = events / ((now - firstTime) / 1e9);
                    double serviceCpu = (cpuNanos(serviceProcess) - serviceCpuAtFirst) / 1e3 / events;
                    double brokerCpu = (cpuNanos(ProcessHandle.current()) - ownCpuAtFirst) / 1e3 / events;
                    long findings = KafkaTopics.count(bootstrap, service.findingsTopic);
                    long points = KafkaTopics.count(bootstrap, service.metricsTopic);
                    System.out.printf(Locale.ROOT, "rules-service (outliers %s): %,d records in %.1f s after the "
                            + "first commit: %,.0f events/s, CPU per event %.1f µs (service) + %.1f µs (broker and "
                            + "benchmark); %,d findings, %,d series points; load average %s%n",
                            outliers ? "on" : "off", events, (now - firstTime) / 1e9, rate, serviceCpu, brokerCpu,
                            findings, points, loadAverage());
                    return new Result(rate, serviceCpu, brokerCpu, findings, points);
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the service did not consume " + records + " records within 15 minutes; "
                    + "see " + service.log());
        } finally {
            service.stop();
        }
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
    }
}
