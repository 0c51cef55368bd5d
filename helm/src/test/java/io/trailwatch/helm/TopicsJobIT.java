package io.trailwatch.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Container;
import io.trailwatch.infra.KafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the topic Job's script, as rendered, against a real KRaft broker, with Kafka's own kafka-topics and
 * kafka-configs commands standing in for the image's /opt/kafka/bin: it creates what is missing, raises a partition
 * count that is too low, applies topic configs, and leaves what is right alone.
 */
class TopicsJobIT {

    @TempDir
    static Path work;
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(work.resolve("kafka"), 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void theJobCreatesMissingTopicsRaisesPartitionsAndAppliesConfigs() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("trailwatch.cloudtrail.events", 2, (short) 1))).all().get();
        }
        Chart.Rendered rendered = Chart.render(Chart.set("kafka.bootstrapServers", broker.bootstrapServers(),
                "kafka.topics.replicationFactor", 1, "kafka.topics.minInsyncReplicas", 1,
                "kafka.topics.events.partitions", 4, "kafka.topics.metrics.partitions", 2));
        V1Container job = PodSpecs.of(rendered.get("Job", "tw-trailwatch-topics")).getContainers().get(0);

        Result first = run(job.getCommand().get(2));

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("Raising the partitions of trailwatch.cloudtrail.events from 2 to 4",
                "Topic trailwatch.collector.checkpoints ready");
        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("trailwatch.cloudtrail.events",
                    "trailwatch.findings", "trailwatch.metrics", "trailwatch.rejected",
                    "trailwatch.collector.checkpoints")).allTopicNames().get();
            assertThat(topics.get("trailwatch.cloudtrail.events").partitions()).hasSize(4);
            assertThat(topics.get("trailwatch.findings").partitions()).hasSize(6);
            assertThat(topics.get("trailwatch.metrics").partitions()).hasSize(2);
            assertThat(topics.get("trailwatch.collector.checkpoints").partitions()).hasSize(12);
            assertThat(config(admin, "trailwatch.rejected").get("retention.ms").value()).isEqualTo("604800000");
            assertThat(config(admin, "trailwatch.collector.checkpoints").get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config(admin, "trailwatch.cloudtrail.events").get("compression.type").value()).isEqualTo("lz4");
            assertThat(config(admin, "trailwatch.findings").get("min.insync.replicas").value()).isEqualTo("1");
        }

        Result again = run(job.getCommand().get(2));

        assertThat(again.exitCode()).as("an upgrade with nothing to change succeeds: " + again.output()).isZero();
        assertThat(again.output()).doesNotContain("Raising");
    }

    private record Result(int exitCode, String output) {
    }

    /** The script with the image's paths pointed at this machine: Kafka's tools from this JVM's classpath. */
    private static Result run(String script) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        tool(bin.resolve("kafka-topics.sh"), java, "org.apache.kafka.tools.TopicCommand");
        tool(bin.resolve("kafka-configs.sh"), java, "kafka.admin.ConfigCommand");
        Path file = work.resolve("topics.sh");
        Files.writeString(file, script.replace("/tmp/client.properties", tmp.resolve("client.properties").toString())
                        .replace("/opt/kafka/bin", bin.toString()),
                StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", file.toString()).redirectErrorStream(true);
        builder.environment().put("TW_CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static void tool(Path script, String java, String mainClass) throws IOException {
        Files.writeString(script, "#!/bin/bash\nexec '" + java + "' -Xmx256m -XX:TieredStopAtLevel=1 -cp \"$TW_CLASSPATH\" "
                + mainClass + " \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static Map<String, org.apache.kafka.clients.admin.ConfigEntry> config(Admin admin, String topic)
            throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
        return config.entries().stream().collect(Collectors.toMap(e -> e.name(), e -> e));
    }
}
