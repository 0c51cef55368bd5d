package io.trailwatch.query.bench;

import io.trailwatch.infra.KafkaBroker;
import io.trailwatch.infra.PostgresServer;
import io.trailwatch.infra.ServiceProcess;
import io.trailwatch.infra.TopicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL and Kafka from local-infra plus the packaged query-service (target/quarkus-app/quarkus-run.jar) as a
 * child process, with the heap and collector the local stack gives it.
 */
final class BenchStack implements AutoCloseable {

    static final String VIEWER_PASSWORD = "bench-viewer";

    final PostgresServer postgres;
    final KafkaBroker kafka;
    private ServiceProcess service;

    BenchStack(Path dir, int postgresPort) {
        postgres = PostgresServer.start(dir.resolve("postgres"), postgresPort);
        postgres.ensureDatabase(BenchData.DATABASE);
        kafka = KafkaBroker.start(dir.resolve("kafka"), 0);
        kafka.createTopics(TopicSpec.platformTopics(12));
    }

    String jdbcUrl() {
        return postgres.jdbcUrl(BenchData.DATABASE);
    }

    /** CPU time query-service has used so far. */
    Duration serviceCpu() {
        return service.pid().stream().boxed().map(ProcessHandle::of).flatMap(java.util.Optional::stream)
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).findFirst().orElse(Duration.ZERO);
    }

    /** CPU time every PostgreSQL process (server, connection backends, writers) has used so far. */
    static Duration postgresCpu() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** Starts query-service on {@code port} and waits until it is ready; returns its base URL. */
    String startService(Path dir, int port) throws Exception {
        Path jar = Path.of("query-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            jar = Path.of("target/quarkus-app/quarkus-run.jar");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.USER);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("TRAILWATCH_ADMIN_PASSWORD", "bench-admin");
        env.put("TRAILWATCH_ANALYST_PASSWORD", "bench-analyst");
        env.put("TRAILWATCH_VIEWER_PASSWORD", VIEWER_PASSWORD);
        env.put("TRAILWATCH_QUERY_RETENTION_EVENT_DAYS", "3650");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // The background dashboards end "now", not where the data set ends: they would only compete for the CPU.
        env.put("TRAILWATCH_QUERY_DASHBOARD_WARM_INTERVAL", "off");
        Files.createDirectories(dir);
        service = new ServiceProcess("query-service", jar.toAbsolutePath(), port, env,
                // As the local stack starts it (LocalStack.jvmOptions).
                List.of("-Xms512m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
                dir.resolve("query-service.log"));
        service.start();
        service.awaitReady(Duration.ofSeconds(180));
        return service.url();
    }

    @Override
    public void close() {
        if (service != null) {
            service.stop(Duration.ofSeconds(20));
        }
        kafka.close();
        postgres.close();
    }
}
