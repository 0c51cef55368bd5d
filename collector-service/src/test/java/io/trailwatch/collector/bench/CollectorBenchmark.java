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
 * announces half of them (after a quarter, the JIT compilers of the collector and of the broker were still taking
 * a third of a core each); then the measured round announces the rest in one burst of S3 notifications and the
 * clock runs from the first notification sent until the queue is empty — every message is deleted only once Kafka
 * acknowledged every record of its file. Finally {@code ProducerPerformance} (kafka-producer-perf-test) sends as
 * many records with the collector's producer settings: once with payloads sampled from the same CloudTrail records
 * (same size, same compressibility), once with random payloads of the same average size; each after a discarded
 * warm-up run.
 *
 * <p>{@code ./mvnw -B -o -pl collector-service -Pbench -DskipTests verify -Dbench.args="minutes=80 eps=400"}
 * Arguments ({@code name=value}): {@code jar}, {@code minutes} of simulated traffic, {@code eps} events per
 * simulated second, {@code warm-up} the share of the files read before the clock starts, {@code in-flight} objects
 * per collector, {@code heap} of the collector, {@code jfr} a file to
 * record a flight recording of the collector into.
 */
public final class CollectorBenchmark {

    private static final String BUCKET = "bench-cloudtrail";
    private static final int PARTITIONS = 12;
    private static final Pattern RECORDS_PER_SEC = Pattern.compile("records sent, ([0-9.]+) records/sec");

    private CollectorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("minutes", "80", "eps", "400", "in-flight", "16",
                "heap", "512m", "warm-up", "0.5", "jar", "target/quarkus-app/quarkus-run.jar"));
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
        System.out.printf("generating %s minutes of organisation traffic at %s events/s into s3://%s ...%n",
                options.get("minutes"), options.get("eps"), BUCKET);
        List<LogFile> files = generate(s3, Integer.parseInt(options.get("minutes")),
                Double.parseDouble(options.get("eps")));
        Collections.shuffle(files, new Random(1));
        int warmup = (int) (files.size() * Double.parseDouble(options.get("warm-up")));
        List<LogFile> warm = files.subList(0, warmup);
        List<LogFile> measured = files.subList(warmup, files.size());
        long records = measured.stream().mapToLong(LogFile::records).sum();
        long compressed = measured.stream().mapToLong(f -> f.content().length).sum();
        Path payloads = dir.resolve("payloads.txt");
        long decompressed = samplePayloads(measured, payloads);
        int recordSize = (int) (decompressed / records);
        System.out.printf("%d files (%d for warm-up); measured: %d files, %d records, %.1f MB gzip, %.1f MB JSON, "
                        + "%d bytes per record on average%n", files.size(), warmup, measured.size(), records,
                compressed / 1e6, decompressed / 1e6, recordSize);

        ServiceProcess collector = startCollector(options, dir, kafka, s3, sqs, queue);
        Round round;
        try {
            Round warmRound = announce(client, queue, warm);
            System.out.printf("warm-up: %d records in %.2f s (%.0f records/s)%n", warmRound.records,
                    warmRound.seconds(), warmRound.rate());
            round = announce(client, queue, measured);
            long inKafka = countEvents(kafka.bootstrapServers());
            long expected = files.stream().mapToLong(LogFile::records).sum();
            System.out.printf("collector: %d records from %d notifications in %.2f s = %.0f records/s "
                            + "(%.1f MB/s of JSON); %d of %d records of all rounds in Kafka%n", round.records,
                    measured.size(), round.seconds(), round.rate(), decompressed / 1e6 / round.seconds(), inKafka,
                    expected);
            if (inKafka < expected) {
                throw new IllegalStateException("records are missing from Kafka: " + inKafka + " of " + expected);
            }
        } finally {
            collector.stop(Duration.ofSeconds(20));
        }

        String bootstrap = kafka.bootstrapServers();
        List<String> producer = List.of("--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
                "enable.idempotence=true", "linger.ms=5", "batch.size=262144", "compression.type=lz4");
        String n = String.valueOf(records);
        producerPerformance(List.of("--topic", "bench.raw", "--num-records", n, "--throughput", "-1",
                "--payload-file", payloads.toString(), "--payload-delimiter", "\n"), producer);
        double sameRecords = producerPerformance(List.of("--topic", "bench.raw", "--num-records", n, "--throughput",
                "-1", "--payload-file", payloads.toString(), "--payload-delimiter", "\n"), producer);
        producerPerformance(List.of("--topic", "bench.raw", "--num-records", n, "--throughput", "-1",
                "--record-size", String.valueOf(recordSize)), producer);
        double randomRecords = producerPerformance(List.of("--topic", "bench.raw", "--num-records", n,
                "--throughput", "-1", "--record-size", String.valueOf(recordSize)), producer);
        System.out.printf("raw producer (same settings: acks=all, idempotent, linger.ms=5, batch.size=262144, lz4):%n"
                + "  CloudTrail payloads:               %.0f records/s%n"
                + "  random payloads of %5d bytes:     %.0f records/s%n", sameRecords, recordSize, randomRecords);
        System.out.printf("RESULT collector %.0f records/s = %.0f%% of the raw producer with CloudTrail payloads, "
                + "%.0f%% with random payloads%n", round.rate(), 100 * round.rate() / sameRecords,
                100 * round.rate() / randomRecords);
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

    /** The S3 notifications of {@code files}, sent in one burst; returns once the queue is empty. */
    private static Round announce(SqsClient client, String queue, List<LogFile> files) throws InterruptedException {
        AtomicLong sequencer = new AtomicLong(1L << 40);
        List<String> bodies = new ArrayList<>();
        for (LogFile file : files) {
            bodies.add(S3EventNotification.objectCreatedPut("us-east-1", Instant.now().toString(), "AWS:AROABENCH",
                    "127.0.0.1", "BENCH", "bench", BUCKET, file.key(), file.content().length, "etag",
                    Long.toHexString(sequencer.incrementAndGet())));
        }
        long start = System.nanoTime();
        for (int i = 0; i < bodies.size(); i += 10) {
            List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
            for (int j = i; j < Math.min(bodies.size(), i + 10); j++) {
                batch.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(j)).messageBody(bodies.get(j))
                        .build());
            }
            client.sendMessageBatch(b -> b.queueUrl(queue).entries(batch));
        }
        // Every 100 ms: at every 20 ms the queue server answering these took a fifth of a core from the collector.
        while (depth(client, queue) > 0) {
            Thread.sleep(100);
        }
        return new Round(files.stream().mapToLong(LogFile::records).sum(), System.nanoTime() - start);
    }

    private static int depth(SqsClient client, String queue) {
        Map<QueueAttributeName, String> a = client.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static long countEvents(String bootstrap) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.CLOUDTRAIL_EVENTS).forEach(p -> partitions.add(
                    new TopicPartition(p.topic(), p.partition())));
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
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

    private record Round(long records, long nanos) {
        double seconds() {
            return nanos / 1e9;
        }

        double rate() {
            return records / seconds();
        }
    }
}
