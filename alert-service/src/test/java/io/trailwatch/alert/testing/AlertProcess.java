package io.trailwatch.alert.testing;

import io.trailwatch.infra.FreePorts;
import io.trailwatch.infra.KafkaBroker;
import io.trailwatch.infra.PostgresServer;
import io.trailwatch.infra.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The packaged alert-service ({@code target/quarkus-app/quarkus-run.jar}, from the module or the repository root) as a child process on the given Kafka and
 * PostgreSQL, with a bootstrap webhook channel: what the crash test and the benchmark run.
 */
public final class AlertProcess {

    public static final String ADMIN_PASSWORD = "it-admin";

    private AlertProcess() {
    }

    public static ServiceProcess create(KafkaBroker kafka, PostgresServer postgres, String webhookUrl,
                                        Map<String, String> extraEnv, Path logFile) {
        Path jar = Stream.of(Path.of("target"), Path.of("alert-service", "target"))
                .map(t -> t.resolve("quarkus-app").resolve("quarkus-run.jar").toAbsolutePath())
                .filter(Files::isRegularFile).findFirst()
                .orElse(Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package alert-service first (./mvnw -pl alert-service "
                    + "package -DskipTests)");
        }
        int port = FreePorts.pick();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("trailwatch"));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.USER);
        env.put("TRAILWATCH_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("TRAILWATCH_ANALYST_PASSWORD", "it-analyst");
        env.put("TRAILWATCH_VIEWER_PASSWORD", "it-viewer");
        env.put("TRAILWATCH_ALERT_SECRET_KEY_FILE", logFile.resolveSibling("alert-secret.key").toString());
        env.put("TRAILWATCH_ALERT_GENERATE_SECRET_KEY_FILE", "true");
        env.put("TRAILWATCH_ALERT_ALLOWED_CIDRS", "127.0.0.0/8,::1/128");
        env.put("TRAILWATCH_ALERT_ALLOW_HTTP", "true");
        env.put("TRAILWATCH_ALERT_BOOTSTRAP_WEBHOOK_URL", webhookUrl);
        env.put("TRAILWATCH_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        env.putAll(extraEnv);
        return new ServiceProcess("alert-service", jar, port, env,
                List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"), logFile);
    }
}
