package io.trailwatch.collector;

import static io.trailwatch.collector.testing.CloudTrailFiles.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trailwatch.collector.testing.Buckets;
import io.trailwatch.collector.testing.CloudTrailFiles;
import io.trailwatch.collector.testing.Queues;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.FreePorts;
import io.trailwatch.infra.ServiceProcess;
import io.trailwatch.infra.testing.SharedInfra;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged collector as a process, configured through the environment as in production: crashes (SIGKILL)
 * halfway through 100 files lose no record, for notifications and for the bucket listing; and a 200 MB file goes
 * through a 128 MB heap.
 */
class CollectorProcessIT {

    private static final Pattern EVENT_ID = Pattern.compile("\"eventID\":\"([^\"]+)\"");
    private static final Path JAR = Path.of(System.getProperty("collector.jar", "target/quarkus-app/quarkus-run.jar"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<ServiceProcess> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(ServiceProcess::kill);
    }

    @Test
    void killedHalfwayThroughOneHundredNotifiedFilesAndRestartedLosesNoRecord() throws Exception {
        String account = uniqueAccount();
        String bucket = Buckets.create("crash-sqs");
        String queue = Queues.create("crash", 5, 30);
        Set<String> expected = writeFiles(bucket, "AWSLogs/o-a1b2c3d4e5/" + account + "/CloudTrail/us-east-1/2026/11/27/",
                account, key -> Queues.send(queue, Queues.s3Notification(bucket, key, Buckets.size(bucket, key))));
        Map<String, String> env = sqsSource(queue);
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_MAIN_VISIBILITY_TIMEOUT", "10s");

        crashHalfwayAndRestart(env, account, expected);
        await().atMost(Duration.ofSeconds(60)).until(() -> Queues.depth(queue) == 0);
    }

    @Test
    void killedHalfwayThroughListingOneHundredFilesAndRestartedResumesWithoutLosingARecord() throws Exception {
        String account = uniqueAccount();
        String bucket = Buckets.create("crash-s3");
        Set<String> expected = writeFiles(bucket, "AWSLogs/" + account + "/CloudTrail/eu-west-1/2026/11/27/", account,
                key -> { });
        Map<String, String> env = new HashMap<>();
        env.put("TRAILWATCH_COLLECTOR_SOURCES_S3_ARCHIVE_BUCKET", bucket);
        env.put("TRAILWATCH_COLLECTOR_SOURCES_S3_ARCHIVE_S3_ENDPOINT", SharedInfra.s3().endpoint());
        env.put("TRAILWATCH_COLLECTOR_SOURCES_S3_ARCHIVE_PATH_STYLE", "true");
        env.put("TRAILWATCH_COLLECTOR_SOURCES_S3_ARCHIVE_ANONYMOUS", "true");
        env.put("TRAILWATCH_COLLECTOR_SOURCES_S3_ARCHIVE_REGION", "us-east-1");
        env.put("TRAILWATCH_COLLECTOR_SOURCES_S3_ARCHIVE_INTERVAL", "1s");
        env.put("TRAILWATCH_COLLECTOR_SOURCES_S3_ARCHIVE_START_DATE", "2026-11-01");
        // The restarted replica takes over the checkpoint partitions once the killed one's session expired.
        env.put("KAFKA_SESSION_TIMEOUT_MS", "6000");

        crashHalfwayAndRestart(env, account, expected);
    }

    @Test
    void readsA200MegabyteFileInA128MegabyteHeapExtendingTheMessagesVisibility() throws Exception {
        String account = uniqueAccount();
        String bucket = Buckets.create("large");
        String queue = Queues.create("large", 5, 30);
        String key = "AWSLogs/o-a1b2c3d4e5/" + account + "/CloudTrail/us-east-1/2026/11/27/large.json.gz";
        Path file = Files.createTempFile("large", ".json.gz");
        int records;
        try (OutputStream out = Files.newOutputStream(file)) {
            records = CloudTrailFiles.writeLargeFile(out, 200L * 1024 * 1024, "large-" + account, account);
        }
        Buckets.put(bucket, key, file);
        Files.delete(file);
        Queues.send(queue, Queues.s3Notification(bucket, key, Buckets.size(bucket, key)));
        Map<String, String> env = sqsSource(queue);
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_MAIN_VISIBILITY_TIMEOUT", "2s");

        ServiceProcess collector = start("collector-large", env, "-Xmx128m");
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
            while (seen.size() < records && System.nanoTime() < deadline) {
                collect(consumer, account, seen);
                assertThat(collector.isAlive()).as("collector alive (it exits on OutOfMemoryError)").isTrue();
            }
        }
        assertThat(seen).hasSize(records);
        await().atMost(Duration.ofSeconds(30)).until(() -> Queues.depth(queue) == 0);
        String metrics = get(collector.url() + "/q/metrics");
        assertThat(metric(metrics, "trailwatch_sqs_messages_received_total{source=\"sqs/main\"}")).isEqualTo(1);
        assertThat(metric(metrics, "trailwatch_sqs_messages_deleted_total{source=\"sqs/main\"}")).isEqualTo(1);
        assertThat(metric(metrics, "trailwatch_sqs_visibility_extensions_total{source=\"sqs/main\"}")).isPositive();
        assertThat(metric(metrics, "trailwatch_intake_bytes_total{source=\"s3\"}")).isEqualTo(Buckets.size(bucket, key));
    }

    private void crashHalfwayAndRestart(Map<String, String> env, String account, Set<String> expected)
            throws Exception {
        ServiceProcess collector = start("collector-" + account, env);
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (seen.size() < expected.size() / 2 && System.nanoTime() < deadline) {
                collect(consumer, account, seen);
            }
            assertThat(seen.size()).as("records published before the crash").isLessThan(expected.size());
            collector.kill();
            collector.start();
            collector.awaitReady(Duration.ofSeconds(60));
            deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (!seen.containsAll(expected) && System.nanoTime() < deadline) {
                collect(consumer, account, seen);
            }
        }
        // Set arithmetic: AssertJ's containsAll compares element by element, quadratic for 100,000 ids.
        List<String> lost = expected.stream().filter(id -> !seen.contains(id)).limit(20).toList();
        assertThat(lost).as("records lost (first 20)").isEmpty();
    }

    /** 100 gzipped files of 1,000 records under {@code prefix}; returns every eventID. */
    private static Set<String> writeFiles(String bucket, String prefix, String account,
                                          java.util.function.Consumer<String> written) {
        Set<String> ids = new HashSet<>();
        for (int f = 0; f < 100; f++) {
            List<String> records = new ArrayList<>();
            for (int r = 0; r < 1000; r++) {
                String id = account + "-" + f + "-" + r + "-" + UUID.randomUUID();
                ids.add(id);
                records.add(CloudTrailFiles.record(id, account, "GetObject"));
            }
            String key = prefix + account + "_CloudTrail_us-east-1_20261127T10" + String.format("%02d", f % 60) + "Z_"
                    + String.format("%03d", f) + ".json.gz";
            Buckets.put(bucket, key, gzip(CloudTrailFiles.file(records)));
            written.accept(key);
        }
        return ids;
    }

    private static Map<String, String> sqsSource(String queue) {
        Map<String, String> env = new HashMap<>();
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_MAIN_QUEUE_URL", queue);
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_MAIN_SQS_ENDPOINT", SharedInfra.sqs().endpoint());
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_MAIN_S3_ENDPOINT", SharedInfra.s3().endpoint());
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_MAIN_PATH_STYLE", "true");
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_MAIN_ANONYMOUS", "true");
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_MAIN_REGION", "us-east-1");
        env.put("TRAILWATCH_COLLECTOR_SOURCES_SQS_MAIN_WAIT_TIME", "1s");
        return env;
    }

    private ServiceProcess start(String name, Map<String, String> sourceEnv, String... jvmOptions) throws IOException {
        int port = FreePorts.pick();
        Map<String, String> env = new HashMap<>(sourceEnv);
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("KAFKA_BOOTSTRAP_SERVERS", SharedInfra.kafka().bootstrapServers());
        env.put("TRAILWATCH_ADMIN_PASSWORD", "it-admin");
        env.put("TRAILWATCH_ANALYST_PASSWORD", "it-analyst");
        env.put("TRAILWATCH_VIEWER_PASSWORD", "it-viewer");
        List<String> jvm = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        jvm.addAll(List.of(jvmOptions));
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        ServiceProcess process = new ServiceProcess(name, JAR.toAbsolutePath(), port, env, jvm,
                logs.resolve(name + ".log"));
        processes.add(process);
        process.start();
        process.awaitReady(Duration.ofSeconds(60));
        return process;
    }

    private static KafkaConsumer<String, String> consumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", SharedInfra.kafka().bootstrapServers(),
                "group.id", "it-" + UUID.randomUUID(),
                "enable.auto.commit", "false",
                "max.poll.records", "5000"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CLOUDTRAIL_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static void collect(KafkaConsumer<String, String> consumer, String account, Set<String> seen) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
            if (account.equals(record.key())) {
                Matcher m = EVENT_ID.matcher(record.value());
                if (m.find()) {
                    seen.add(m.group(1));
                }
            }
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double metric(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(series.length() + 1).trim())).findFirst().orElse(-1);
    }

    private static String uniqueAccount() {
        return String.valueOf(100_000_000_000L + (long) (Math.random() * 899_999_999_999L));
    }
}
