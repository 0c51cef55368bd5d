package io.trailwatch.localstack;

import io.trailwatch.infra.KafkaBroker;
import io.trailwatch.infra.PostgresServer;
import io.trailwatch.infra.ServiceProcess;
import io.trailwatch.infra.S3Server;
import io.trailwatch.infra.SqsServer;
import io.trailwatch.infra.TopicSpec;
import io.trailwatch.simulator.SimulatorHandle;
import io.trailwatch.simulator.TrafficSimulator;
import io.trailwatch.simulator.sink.S3SinkConfig;
import io.trailwatch.simulator.sink.Sinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The whole platform on this machine: Kafka, PostgreSQL, S3 and SQS in this JVM; the four services as child
 * processes from their packaged jars; and optionally demo traffic. {@link #close()} stops everything in reverse
 * order.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("query-service", "collector-service", "rules-service",
            "alert-service");
    /** Generous: four JVMs starting at once on a busy 2-core machine took up to 3 minutes. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    private final StackOptions options;
    private final Consumer<String> progress;
    private final Credentials credentials;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final List<AutoCloseable> infrastructure = new ArrayList<>();
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private S3Server s3;
    private SqsServer sqs;
    private String queueUrl;
    private SimulatorHandle demo;

    public LocalStack(StackOptions options, Map<String, String> environment, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
        createDirectories(options.dataDir());
        this.credentials = Credentials.load(options.dataDir(), environment);
    }

    public void start() {
        Path data = options.dataDir();
        StackPorts ports = options.ports();
        progress.accept("starting Kafka on 127.0.0.1:" + ports.kafka());
        kafka = remember(KafkaBroker.start(data.resolve("kafka"), ports.kafka()));
        kafka.createTopics(TopicSpec.platformTopics(StackOptions.EVENT_PARTITIONS));
        progress.accept("starting PostgreSQL on 127.0.0.1:" + ports.postgres());
        postgres = remember(PostgresServer.start(data.resolve("postgres"), ports.postgres()));
        postgres.ensureDatabase("trailwatch");
        progress.accept("starting S3 on 127.0.0.1:" + ports.s3() + " and SQS on 127.0.0.1:" + ports.sqs());
        s3 = remember(S3Server.start(data.resolve("s3"), ports.s3()));
        s3.ensureBucket(StackOptions.BUCKET);
        sqs = remember(SqsServer.start(ports.sqs()));
        queueUrl = sqs.ensureQueueWithDeadLetterQueue(StackOptions.QUEUE, 5, 120);

        for (String name : SERVICES) {
            services.put(name, new ServiceProcess(name, jar(name), port(name), environment(name),
                    jvmOptions(name), data.resolve("logs").resolve(name + ".log")));
        }
        progress.accept("starting " + String.join(", ", SERVICES));
        services.values().forEach(ServiceProcess::start);
        CompletableFuture.allOf(services.values().stream()
                .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(READY_TIMEOUT)))
                .toArray(CompletableFuture[]::new)).join();

        if (options.demo()) {
            startDemo();
        }
    }

    /**
     * Demo traffic as AWS delivers it: gzipped files in the organisation layout put into the local bucket, each
     * announced by an S3 event notification on the local queue, which the collector consumes.
     */
    private void startDemo() {
        progress.accept("starting demo traffic (simulated organisation, 30 minutes of history, then live) into s3://"
                + StackOptions.BUCKET + " with notifications on " + queueUrl);
        demo = TrafficSimulator.builder()
                .seed(System.currentTimeMillis())
                .backfill(Duration.ofMinutes(30))
                .sink(Sinks.s3(S3SinkConfig.local(URI.create(s3.endpoint()), StackOptions.BUCKET, queueUrl)))
                .groundTruth(options.dataDir().resolve("demo").resolve("ground-truth-" + System.currentTimeMillis()
                        + ".jsonl"))
                .build()
                .start();
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service named " + name + "; services are " + SERVICES);
        }
        return service;
    }

    public Credentials credentials() {
        return credentials;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String s3Endpoint() {
        return s3.endpoint();
    }

    public String sqsEndpoint() {
        return sqs.endpoint();
    }

    public String queueUrl() {
        return queueUrl;
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl("trailwatch");
    }

    /** Every service gets the users, its port and the parent pid; the rest comes from its local-env file. */
    private Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>(credentials.environment());
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port(name)));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("TRAILWATCH_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        env.putAll(ServiceEnvironment.load(name, stackValues()));
        env.putAll(options.extraEnv().getOrDefault(name, Map.of()));
        return env;
    }

    /** The values local-env files may refer to as ${name}. */
    private Map<String, String> stackValues() {
        StackPorts ports = options.ports();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kafka.bootstrap", kafka.bootstrapServers());
        values.put("jdbc.url", postgres.jdbcUrl("trailwatch"));
        values.put("jdbc.user", PostgresServer.USER);
        values.put("jdbc.password", PostgresServer.USER);
        values.put("s3.endpoint", s3.endpoint());
        values.put("s3.bucket", StackOptions.BUCKET);
        values.put("sqs.endpoint", sqs.endpoint());
        values.put("sqs.queue-url", queueUrl);
        values.put("data.dir", options.dataDir().toString());
        values.put("port.query-service", String.valueOf(ports.query()));
        values.put("port.collector-service", String.valueOf(ports.collector()));
        values.put("port.rules-service", String.valueOf(ports.rules()));
        values.put("port.alert-service", String.valueOf(ports.alert()));
        return values;
    }

    /**
     * The JVM options a service runs with here. rules-service and query-service start with their whole heap: from
     * 64 MiB the young generation stayed small, and query-service ingesting ran 20 full collections in 20 s (as the
     * Helm chart's jvm.initialRamPercentage, docs/performance.md).
     */
    public static List<String> jvmOptions(String name) {
        boolean streaming = "rules-service".equals(name) || "query-service".equals(name);
        return List.of(streaming ? "-Xms512m" : "-Xms64m", streaming ? "-Xmx512m" : "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError");
    }

    private int port(String name) {
        StackPorts ports = options.ports();
        return switch (name) {
            case "query-service" -> ports.query();
            case "collector-service" -> ports.collector();
            case "rules-service" -> ports.rules();
            case "alert-service" -> ports.alert();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private Path jar(String name) {
        return options.home().resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    private <T extends AutoCloseable> T remember(T server) {
        infrastructure.add(0, server);
        return server;
    }

    private static void createDirectories(Path data) {
        try {
            Files.createDirectories(data.resolve("logs"));
            Files.createDirectories(data.resolve("demo"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + data, e);
        }
    }

    @Override
    public void close() {
        if (demo != null) {
            demo.close();
        }
        services.values().parallelStream().forEach(s -> s.stop(Duration.ofSeconds(20)));
        for (AutoCloseable server : infrastructure) {
            try {
                server.close();
            } catch (Exception e) {
                progress.accept("warning: " + server.getClass().getSimpleName() + " did not stop cleanly: " + e);
            }
        }
        infrastructure.clear();
    }
}
