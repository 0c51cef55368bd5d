package io.trailwatch.rules.support;

import io.trailwatch.infra.FreePorts;
import io.trailwatch.infra.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged rules-service (target/quarkus-app/quarkus-run.jar) as a child process on its own topics and
 * application id, so several runs can share one broker without seeing each other's data.
 */
public final class RulesServiceRun {

    public final String applicationId;
    public final String findingsTopic;
    public final String metricsTopic;
    public final String rejectedTopic;
    private final ServiceProcess process;

    public RulesServiceRun(Path jar, String name, String bootstrap, String eventsTopic, Path workDir,
            Map<String, String> extraEnv, List<String> jvmOptions) {
        String run = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.applicationId = "trailwatch-rules-" + run;
        this.findingsTopic = "findings-" + run;
        this.metricsTopic = "metrics-" + run;
        this.rejectedTopic = "rejected-" + run;
        KafkaTopics.create(bootstrap, List.of(findingsTopic, metricsTopic, rejectedTopic), 3);
        int port = FreePorts.pick();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_KAFKA_STREAMS_APPLICATION_ID", applicationId);
        env.put("KAFKA_STREAMS_STATE_DIR", workDir.resolve("state-" + run).toString());
        env.put("TRAILWATCH_RULES_EVENTS_TOPIC", eventsTopic);
        env.put("TRAILWATCH_RULES_FINDINGS_TOPIC", findingsTopic);
        env.put("TRAILWATCH_RULES_METRICS_TOPIC", metricsTopic);
        env.put("TRAILWATCH_RULES_REJECTED_TOPIC", rejectedTopic);
        env.put("TRAILWATCH_ADMIN_PASSWORD", UUID.randomUUID().toString());
        env.put("TRAILWATCH_ANALYST_PASSWORD", UUID.randomUUID().toString());
        env.put("TRAILWATCH_VIEWER_PASSWORD", UUID.randomUUID().toString());
        env.put("TRAILWATCH_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.putAll(extraEnv);
        this.process = new ServiceProcess("rules-service " + run, jar.toAbsolutePath(), port, env,
                jvmOptions, workDir.resolve(run + ".log"));
    }

    public RulesServiceRun start() {
        process.start();
        process.awaitReady(Duration.ofSeconds(120));
        return this;
    }

    public void kill() {
        process.kill();
    }

    public void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    public Path log() {
        return process.logFile();
    }
}
