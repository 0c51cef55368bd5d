package io.trailwatch.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pre-install/pre-upgrade Jobs (topics, migrations) and the `helm test` pod. */
class HooksTest {

    private static final String PRE = "pre-install,pre-upgrade";

    @Test
    void hookResourcesComeInOrderSecretsFirstThenTopicsThenMigrations() {
        Chart.Rendered rendered = Chart.render(Chart.set("postgresql.existingSecret", "", "postgresql.password", "pw"));

        assertHook(rendered.get("ServiceAccount", "tw-trailwatch-hooks"), "-20");
        assertHook(rendered.get("Secret", "tw-trailwatch-hook-credentials"), "-20");
        assertHook(rendered.get("ConfigMap", "tw-trailwatch-query-migrate"), "-20");
        assertHook(rendered.get("ConfigMap", "tw-trailwatch-alert-migrate"), "-20");
        assertHook(rendered.get("Job", "tw-trailwatch-topics"), "-10");
        assertHook(rendered.get("Job", "tw-trailwatch-query-migrate"), "0");
        assertHook(rendered.get("Job", "tw-trailwatch-alert-migrate"), "0");
        assertThat(rendered.manifests()).filteredOn(m -> !m.isHook())
                .noneMatch(m -> m.kind().equals("Job"))
                .as("the chart's own Secret is not a hook").anyMatch(m -> m.name().equals("tw-trailwatch-credentials"));
    }

    @Test
    void migrationJobsRunTheServiceImageUntilFlywayIsDoneAndExit() {
        Chart.Rendered rendered = Chart.renderProduction(Map.of());

        for (String component : List.of("query", "alert")) {
            Manifest job = rendered.get("Job", "tw-trailwatch-" + component + "-migrate");
            V1Container container = PodSpecs.of(job).getContainers().get(0);
            assertThat(container.getImage()).isEqualTo(PodSpecs.of(rendered.workload(component)).getContainers().get(0).getImage());
            assertThat(value(container, "QUARKUS_INIT_AND_EXIT")).isEqualTo("true");
            assertThat(value(container, "QUARKUS_FLYWAY_MIGRATE_AT_START")).isEqualTo("true");
            assertThat(value(container, "TRAILWATCH_AUTH_LOCAL_USERS_ENABLED")).isEqualTo("false");
            assertThat(ServiceConfigTest.env(container, "QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef()
                    .getName()).isEqualTo("trailwatch-postgresql");
            assertThat(PodSpecs.of(job).getVolumes()).anySatisfy(volume -> {
                assertThat(volume.getConfigMap()).isNotNull();
                assertThat(volume.getConfigMap().getName()).isEqualTo("tw-trailwatch-" + component + "-migrate");
            });
            assertThat(PodSpecs.of(job).getRestartPolicy()).isEqualTo("Never");
            assertThat(rendered.get("ConfigMap", "tw-trailwatch-" + component + "-migrate").map("data"))
                    .as("the same config file as the service")
                    .isEqualTo(rendered.get("ConfigMap", "tw-trailwatch-" + component).map("data"));
        }
        assertThat(value(PodSpecs.of(rendered.get("Job", "tw-trailwatch-query-migrate")).getContainers().get(0),
                "QUARKUS_OIDC_TENANT_ENABLED")).isEqualTo("false");
    }

    @Test
    void hooksUseTheHookCopyOfChartCreatedPasswords() {
        Chart.Rendered rendered = Chart.render(List.of(Path.of("src/test/resources/values/all-features.yaml")), Map.of());

        V1Container migrate = PodSpecs.of(rendered.get("Job", "tw-trailwatch-alert-migrate")).getContainers().get(0);
        assertThat(ServiceConfigTest.env(migrate, "QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("tw-trailwatch-hook-credentials");
        V1Container topics = PodSpecs.of(rendered.get("Job", "tw-trailwatch-topics")).getContainers().get(0);
        assertThat(ServiceConfigTest.env(topics, "TRAILWATCH_KAFKA_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("tw-trailwatch-hook-credentials");
        assertThat(rendered.get("Secret", "tw-trailwatch-hook-credentials").map("data"))
                .containsOnlyKeys("postgresql-password", "kafka-password");
    }

    @Test
    void theTopicJobCreatesEveryTopicWithItsPartitionsAndConfigs() throws Exception {
        Chart.Rendered rendered = Chart.renderProduction(Map.of());
        V1Container container = PodSpecs.of(rendered.get("Job", "tw-trailwatch-topics")).getContainers().get(0);
        String script = container.getCommand().get(2);

        assertThat(container.getImage()).isEqualTo("docker.io/apache/kafka:4.1.2");
        assertThat(container.getCommand().subList(0, 2)).containsExactly("/bin/bash", "-ec");
        assertThat(script).contains(
                "ensure_topic 'trailwatch.cloudtrail.events' 24 'min.insync.replicas=2,compression.type=lz4,retention.ms=259200000'",
                "ensure_topic 'trailwatch.findings' 6 'min.insync.replicas=2,retention.ms=1209600000'",
                "ensure_topic 'trailwatch.metrics' 6 ",
                "ensure_topic 'trailwatch.rejected' 3 'min.insync.replicas=2,retention.ms=604800000'",
                "ensure_topic 'trailwatch.collector.checkpoints' 12 'min.insync.replicas=2,cleanup.policy=compact'",
                "--replication-factor 3",
                "security.protocol=SASL_SSL",
                "password=\"${TRAILWATCH_KAFKA_PASSWORD}\"");
        assertThat(ServiceConfigTest.env(container, "TRAILWATCH_KAFKA_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("trailwatch-kafka");
        assertThat(container.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(bashSyntaxErrors(script)).isEmpty();
    }

    @Test
    void strimziModeRendersKafkaTopicsInsteadOfTheJob() {
        Chart.Rendered rendered = Chart.render(Chart.set("kafka.topics.provisioning", "strimzi",
                "kafka.topics.strimzi.clusterName", "events", "kafka.topics.strimzi.namespace", "kafka"));

        assertThat(rendered.has("Job", "tw-trailwatch-topics")).isFalse();
        Manifest events = rendered.get("KafkaTopic", "trailwatch.cloudtrail.events");
        assertThat(events.metadata()).containsEntry("namespace", "kafka");
        assertThat(events.labels()).containsEntry("strimzi.io/cluster", "events");
        assertThat(events.annotations()).containsEntry("helm.sh/resource-policy", "keep");
        assertThat(events.map("spec")).containsEntry("topicName", "trailwatch.cloudtrail.events")
                .containsEntry("partitions", 12).containsEntry("replicas", 3);
        assertThat(rendered.get("KafkaTopic", "trailwatch.collector.checkpoints").map("spec.config"))
                .containsEntry("cleanup.policy", "compact");
        assertThat(Chart.renderFailure(List.of(), Chart.set("kafka.topics.provisioning", "strimzi")))
                .contains("kafka.topics.strimzi.clusterName is required");
    }

    @Test
    void hooksCanBeLeftToSomeoneElse() {
        Chart.Rendered rendered = Chart.render(Chart.set("kafka.topics.provisioning", "none", "migrations.job", false));

        assertThat(rendered.ofKind("Job")).isEmpty();
        assertThat(rendered.has("ServiceAccount", "tw-trailwatch-hooks")).isFalse();
        assertThat(ServiceConfigTest.properties(rendered, "query")).containsEntry("quarkus.flyway.migrate-at-start", "true");
    }

    @Test
    void helmTestChecksTheReadinessOfEveryService() throws Exception {
        Manifest pod = Chart.renderDefaults().get("Pod", "tw-trailwatch-test-readiness");

        assertThat(pod.annotations()).containsEntry("helm.sh/hook", "test");
        assertThat(pod.labels()).containsEntry("app.kubernetes.io/component", "test");
        V1Container container = PodSpecs.of(pod).getContainers().get(0);
        String script = container.getCommand().get(2);
        assertThat(script).contains("check collector-service tw-trailwatch-collector:8081",
                "check rules-service tw-trailwatch-rules:8082", "check alert-service tw-trailwatch-alert:8083",
                "check query-service tw-trailwatch-query:8080", "/q/health/ready", "exit $failed");
        assertThat(bashSyntaxErrors(script)).isEmpty();
    }

    private static void assertHook(Manifest manifest, String weight) {
        assertThat(manifest.annotations()).as(manifest.toString())
                .containsEntry("helm.sh/hook", PRE)
                .containsEntry("helm.sh/hook-weight", weight)
                .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
    }

    private static String value(V1Container container, String name) {
        V1EnvVar env = ServiceConfigTest.env(container, name);
        return env.getValue();
    }

    /** What `bash -n` says about a script: empty when its syntax is right. */
    private static String bashSyntaxErrors(String script) throws IOException, InterruptedException {
        Path file = Files.createTempFile(Path.of("target"), "hook", ".sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Files.delete(file);
        return bash.exitValue() == 0 ? "" : output;
    }
}
