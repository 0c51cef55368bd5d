package io.trailwatch.collector.bench;

import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.DataDirectory;
import io.trailwatch.infra.FreePorts;
import io.trailwatch.infra.KafkaBroker;
import io.trailwatch.infra.S3Server;
import io.trailwatch.infra.ServiceProcess;
import io.trailwatch.infra.SqsServer;
import io.trailwatch.infra.TopicSpec;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.sink.S3EventNotification;
import io.trailwatch.simulator.sink.S3SinkConfig;
import io.trailwatch.simulator.sink.Sinks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.tools.ProducerPerformance;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Collector throughput, notification to Kafka acknowledgement, next to the raw Kafka producer on the same machine.
 *
 * <p>A local broker (12 event partitions, as in production), S3 and SQS servers run in this JVM; the collector runs
 * from its packaged jar as a process, consuming the queue. The simulator writes realistic gzipped CloudTrail files
 * (organisation layout, about one file per account and region every 5 minutes) into the bucket. A warm-up round
 * announces a quarter of them; then each measured round announces its share of the rest in one burst of S3
 * notifications, and its clock runs from the first notification sent until Kafka's end offsets hold every record of
 * the round (the broker has acknowledged them; the benchmark asks the broker, not the queue, whose server shares
 * the two cores with the collector). Between rounds, untimed, the queue must empty: the collector deletes a message
 * only once Kafka acknowledged every record of its file. Finally {@code ProducerPerformance}
 * (kafka-producer-perf-test) sends as many records per round with the collector's producer settings and payloads
 * sampled from the same CloudTrail records (same size, same compressibility), after a discarded warm-up run; then
 * once with random payloads of the same average size, for comparison. The ratio is of the medians.
 *
 * <p>{@code ./mvnw -B -o -pl collector-service -Pbench exec:exec@collector-benchmark -Dbench.args="rounds=3"}
 * Arguments ({@code name=value}): {@code jar}, {@code minutes} of simulated traffic, {@code eps} events per
 * simulated second, {@code warm-up} the share of the files read before the clock starts, {@code rounds} measured
 * rounds sharing the rest, {@code in-flight} objects per collector, {@code heap} of the collector, {@code jfr} a
 * file to record a flight recording of the collector into.
 */
public final class CollectorBenchmark {

    private static final String BUCKET = "bench-cloudtrail";
    private static final int PARTITIONS = 12;
    private static final Pattern RECORDS_PER_SEC = Pattern.compile("records sent, ([0-9.]+) records/sec");

    private CollectorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("minutes", "240", "eps", "400", "in-flight", "16",
                "heap", "512m", "warm-up", "0.25", "rounds", "3", "jar", "target/quarkus-app/quarkus-run.jar"));
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are name=value, got '" + arg + "'");
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path dir = DataDirectory.temporary("collector-bench");
        try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), 0);
             S3Server s3 = S3Server.start(null, 0);
             SqsServer sqs = SqsServer.start(0);
             SqsClient client = sqs.client()) {
            kafka.createTopics(TopicSpec.platformTopics(PARTITIONS));
            kafka.createTopics(List.of(new TopicSpec("bench.raw", PARTITIONS, Map.of())));
            s3.ensureBucket(BUCKET);
            String queue = sqs.ensureQueueWithDeadLetterQueue("bench-notifications", 5, 300);
            run(options, dir, kafka, s3, sqs, client, queue);
        } finally {
            DataDirectory.delete(dir);
        }
    }

    private static void run(Map<String, String> options, Path dir, KafkaBroker kafka, S3Server s3, SqsServer sqs,
                            SqsClient client, String queue) throws Exception {
        Plan plan = plan(options, s3, dir.resolve("payloads.txt"));
        ServiceProcess collector = startCollector(options, dir, kafka, s3, sqs, queue);
        List<Double> collectorRates = new ArrayList<>();
        Map<String, Long> processes = new LinkedHashMap<>();
        processes.put("collector", collector.pid().orElseThrow());
        processes.put("benchmark", ProcessHandle.current().pid());
        try (EventsTopic events = new EventsTopic(kafka.bootstrapServers())) {
            Round warm = announce(client, queue, plan.warmUp(), events, processes);
            System.out.printf("warm-up: %d records in %.2f s (%.0f records/s)%n", warm.records, warm.seconds(),
                    warm.rate());
            for (int i = 0; i < plan.rounds().size(); i++) {
                Round round = announce(client, queue, plan.rounds().get(i), events, processes);
                collectorRates.add(round.rate());
                System.out.printf("collector round %d: %d records from %d notifications in %.2f s = %.0f records/s "
                                + "(%.1f MB/s of JSON); CPU by thread, µs per record:%n", i + 1, round.records,
                        plan.rounds().get(i).size(), round.seconds(), round.rate(),
                        round.records * plan.recordSize() / 1e6 / round.seconds());
                ThreadCpu.report(round.cpu(), round.records, round.seconds()).forEach(System.out::println);
            }
            long expected = plan.records();
            long inKafka = events.records();
            System.out.printf("%d of %d records of all rounds in Kafka%n", inKafka, expected);
            if (inKafka < expected) {
                throw new IllegalStateException("records are missing from Kafka: " + inKafka + " of " + expected);
            }
        } finally {
            collector.stop(Duration.ofSeconds(20));
        }

        String bootstrap = kafka.bootstrapServers();
        List<String> producer = List.of("--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
                "enable.idempotence=true", "linger.ms=5", "batch.size=262144", "compression.type=lz4");
        String n = String.valueOf(plan.rounds().get(0).stream().mapToLong(Announced::records).sum());
        List<String> sampled = List.of("--topic", "bench.raw", "--num-records", n, "--throughput", "-1",
                "--payload-file", plan.payloads().toString(), "--payload-delimiter", "\n");
        List<String> random = List.of("--topic", "bench.raw", "--num-records", n, "--throughput", "-1",
                "--record-size", String.valueOf(plan.recordSize()));
        producerPerformance(sampled, producer);
        List<Double> rawRates = new ArrayList<>();
        long benchmark = ProcessHandle.current().pid();
        for (int i = 0; i < plan.rounds().size(); i++) {
            ThreadCpu.Snapshot before = ThreadCpu.of(benchmark);
            long started = System.nanoTime();
            rawRates.add(producerPerformance(sampled, producer));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.println("  CPU by thread, µs per record (the producer's I/O thread has ended):");
            ThreadCpu.report(Map.of("benchmark", ThreadCpu.of(benchmark).since(before)), Long.parseLong(n), seconds)
                    .forEach(System.out::println);
        }
        producerPerformance(random, producer);
        double randomRecords = producerPerformance(random, producer);
        double collectorRate = median(collectorRates);
        double rawRate = median(rawRates);
        System.out.printf("raw producer (same settings: acks=all, idempotent, linger.ms=5, batch.size=262144, lz4):%n"
                        + "  CloudTrail payloads:               %s records/s, median %.0f%n"
                        + "  random payloads of %5d bytes:     %.0f records/s%n", rates(rawRates), rawRate,
                plan.recordSize(), randomRecords);
        System.out.printf("RESULT collector %s records/s, median %.0f = %.0f%% of the raw producer's median with "
                        + "CloudTrail payloads, %.0f%% of random payloads%n", rates(collectorRates), collectorRate,
                100 * collectorRate / rawRate, 100 * collectorRate / randomRecords);
    }

    /** An object in the bucket, without its bytes (the files are read back only by the collector). */
    private record Announced(String key, long size, long records) {
    }

    /** The files to announce: a warm-up and the measured rounds; the sampled payloads for the raw producer. */
    private record Plan(List<Announced> warmUp, List<List<Announced>> rounds, Path payloads, int recordSize) {
        long records() {
            return warmUp.stream().mapToLong(Announced::records).sum() + rounds.stream()
                    .flatMap(List::stream).mapToLong(Announced::records).sum();
        }
    }

    /**
     * Writes the traffic into the bucket and plans the rounds. Only keys and sizes are kept: the bench JVM also
     * holds the S3 server's objects and the broker, and holding every file twice made its collector take a core.
     */
    private static Plan plan(Map<String, String> options, S3Server s3, Path payloads) throws IOException {
        System.out.printf("generating %s minutes of organisation traffic at %s events/s into s3://%s ...%n",
                options.get("minutes"), options.get("eps"), BUCKET);
        List<LogFile> files = generate(s3, Integer.parseInt(options.get("minutes")),
                Double.parseDouble(options.get("eps")));
        Collections.shuffle(files, new Random(1));
        int warmup = (int) (files.size() * Double.parseDouble(options.get("warm-up")));
        int rounds = Integer.parseInt(options.get("rounds"));
        if (rounds < 1 || files.size() - warmup < rounds) {
            throw new IllegalArgumentException("rounds must be 1 to " + (files.size() - warmup) + ", got " + rounds);
        }
        List<LogFile> measured = files.subList(warmup, files.size());
        long records = measured.stream().mapToLong(LogFile::records).sum();
        long compressed = measured.stream().mapToLong(f -> f.content().length).sum();
        long decompressed = samplePayloads(measured, payloads);
        int recordSize = (int) (decompressed / records);
        System.out.printf("%d files (%d for warm-up); measured: %d files in %d rounds, %d records, %.1f MB gzip, "
                        + "%.1f MB JSON, %d bytes per record on average%n", files.size(), warmup, measured.size(),
                rounds, records, compressed / 1e6, decompressed / 1e6, recordSize);
        List<Announced> all = files.stream().map(f -> new Announced(f.key(), f.content().length, f.records()))
                .toList();
        List<List<Announced>> measuredRounds = new ArrayList<>();
        int per = measured.size() / rounds;
        for (int i = 0; i < rounds; i++) {
            measuredRounds.add(all.subList(warmup + i * per, i == rounds - 1 ? all.size() : warmup + (i + 1) * per));
        }
        return new Plan(all.subList(0, warmup), measuredRounds, payloads, recordSize);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static String rates(List<Double> values) {
        return String.join(" / ", values.stream().map(v -> String.format("%.0f", v)).toList());
    }

    /** Files written to S3 without notifications; the benchmark announces them itself, in rounds. */
    private static List<LogFile> generate(S3Server s3, int minutes, double eventsPerSecond) {
        return SimulatedTraffic.generate(minutes, eventsPerSecond,
                Sinks.s3(S3SinkConfig.local(URI.create(s3.endpoint()), BUCKET, null)));
    }

    /** Writes up to 50,000 of the records, one per line, for the raw producer; returns all records' bytes. */
    private static long samplePayloads(List<LogFile> files, Path target) throws IOException {
        long bytes = 0;
        long written = 0;
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            for (LogFile file : files) {
                for (String record : SimulatedTraffic.records(file)) {
                    bytes += record.getBytes(StandardCharsets.UTF_8).length;
                    if (written < 50_000) {
                        out.write(record.replace('\n', ' '));
                        out.write('\n');
                        written++;
                    }
                }
            }
        }
        return bytes;
    }

    private static ServiceProcess startCollector(Map<String, String> options, Path dir, KafkaBroker kafka,
                                                 S3Server s3, SqsServer sqs, String queue) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        int port = FreePorts.pick();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("TRAILWATCH_ADMIN_PASSWORD", "bench-admin");
        env.put("TRAILWATCH_ANALYST_PASSWORD", "bench-analyst");
        env.put("TRAILWATCH_VIEWER_PASSWORD", "bench-viewer");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_BENCH_QUEUE_URL", queue);
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_BENCH_SQS_ENDPOINT", sqs.endpoint());
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_BENCH_S3_ENDPOINT", s3.endpoint());
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_BENCH_PATH_STYLE", "true");
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_BENCH_ANONYMOUS", "true");
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_BENCH_REGION", "us-east-1");
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_BENCH_WAIT_TIME", "1s");
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_BENCH_MAX_OBJECTS_IN_FLIGHT", options.get("in-flight"));
        Path jar = Path.of(options.get("jar")).toAbsolutePath();
        List<String> jvm = new ArrayList<>(List.of("-Xms" + options.get("heap"), "-Xmx" + options.get("heap"),
                "-XX:+UseParallelGC"));
        if (options.containsKey("jfr")) {
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + Path.of(options.get("jfr")).toAbsolutePath());
        }
        ServiceProcess collector = new ServiceProcess("collector-bench", jar, port, env, jvm,
                dir.resolve("collector.log"));
        collector.start();
        collector.awaitReady(Duration.ofSeconds(90));
        System.out.printf("collector ready (%s objects in flight, heap %s); log %s%n", options.get("in-flight"),
                options.get("heap"), collector.logFile());
        return collector;
    }

    /**
     * Sends the S3 notifications of {@code files} in one burst; the round's time ends when Kafka holds all their
     * records. Then waits, untimed, until the queue is empty.
     */
    private static Round announce(SqsClient client, String queue, List<Announced> files, EventsTopic events,
                                  Map<String, Long> processes) throws InterruptedException {
        AtomicLong sequencer = new AtomicLong(1L << 40);
        List<String> bodies = new ArrayList<>();
        for (Announced file : files) {
            bodies.add(S3EventNotification.objectCreatedPut("us-east-1", Instant.now().toString(), "AWS:AROABENCH",
                    "127.0.0.1", "BENCH", "bench", BUCKET, file.key(), file.size(), "etag",
                    Long.toHexString(sequencer.incrementAndGet())));
        }
        long records = files.stream().mapToLong(Announced::records).sum();
        long target = events.records() + records;
        Map<String, ThreadCpu.Snapshot> before = new LinkedHashMap<>();
        processes.forEach((label, pid) -> before.put(label, ThreadCpu.of(pid)));
        long start = System.nanoTime();
        for (int i = 0; i < bodies.size(); i += 10) {
            List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
            for (int j = i; j < Math.min(bodies.size(), i + 10); j++) {
                batch.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(j)).messageBody(bodies.get(j))
                        .build());
            }
            client.sendMessageBatch(b -> b.queueUrl(queue).entries(batch));
        }
        while (events.records() < target) {
            Thread.sleep(20);
        }
        long nanos = System.nanoTime() - start;
        Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
        processes.forEach((label, pid) -> cpu.put(label, ThreadCpu.of(pid).since(before.get(label))));
        Round round = new Round(records, nanos, cpu);
        while (depth(client, queue) > 0) {
            Thread.sleep(100);
        }
        return round;
    }

    private static int depth(SqsClient client, String queue) {
        Map<QueueAttributeName, String> a = client.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Counts the records in the events topic by its end offsets (one ListOffsets request to the broker). */
    private static final class EventsTopic implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<TopicPartition> partitions = new ArrayList<>();

        EventsTopic(String bootstrap) {
            consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            consumer.partitionsFor(Topics.CLOUDTRAIL_EVENTS).forEach(p -> partitions.add(
                    new TopicPartition(p.topic(), p.partition())));
        }

        long records() {
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** Runs kafka-producer-perf-test in this JVM and returns its records/s. */
    private static double producerPerformance(List<String> args, List<String> producerProps) throws Exception {
        List<String> all = new ArrayList<>(args);
        all.addAll(producerProps);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(all.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        String last = output.lines().filter(l -> l.contains("records sent")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("ProducerPerformance printed no result:\n" + output));
        Matcher m = RECORDS_PER_SEC.matcher(last);
        if (!m.find()) {
            throw new UncheckedIOException(new IOException("unexpected ProducerPerformance output: " + last));
        }
        System.out.println("  kafka-producer-perf-test " + String.join(" ", args) + ": " + last.strip());
        return Double.parseDouble(m.group(1));
    }

    /** A measured round: its records, its time and the CPU each process's thread groups used meanwhile. */
    private record Round(long records, long nanos, Map<String, Map<String, Double>> cpu) {
        double seconds() {
            return nanos / 1e9;
        }

        double rate() {
            return records / seconds();
        }
    }
}
