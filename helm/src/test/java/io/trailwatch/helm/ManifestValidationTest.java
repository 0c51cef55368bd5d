package io.trailwatch.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every object the chart renders is valid for its Kubernetes API type, with every option the chart has. */
class ManifestValidationTest {

    @Test
    void defaultValuesRenderValidObjects() {
        Chart.Rendered rendered = Chart.renderDefaults();

        assertAllValid(rendered);
        assertThat(rendered.summary()).contains(
                "Deployment/tw-trailwatch-collector", "StatefulSet/tw-trailwatch-rules",
                "Deployment/tw-trailwatch-alert", "Deployment/tw-trailwatch-query",
                "Job/tw-trailwatch-topics", "Job/tw-trailwatch-query-migrate", "Job/tw-trailwatch-alert-migrate",
                "Pod/tw-trailwatch-test-readiness");
    }

    @Test
    void productionValuesRenderValidObjects() {
        Chart.Rendered rendered = Chart.renderProduction(Map.of());

        assertAllValid(rendered);
        assertThat(rendered.summary()).contains("Ingress/tw-trailwatch-query", "ServiceMonitor/tw-trailwatch",
                "PrometheusRule/tw-trailwatch", "ConfigMap/tw-trailwatch-dashboard");
    }

    @Test
    void everyOptionalFeatureRendersValidObjects() {
        Chart.Rendered rendered = Chart.render(List.of(Path.of("src/test/resources/values/all-features.yaml")), Map.of());

        assertAllValid(rendered);
        assertThat(rendered.summary()).contains("HorizontalPodAutoscaler/tw-trailwatch-rules",
                "ConfigMap/tw-trailwatch-rules-custom", "Secret/tw-trailwatch-credentials");
    }

    @Test
    void strimziTopicsRenderValidKafkaTopics() {
        Chart.Rendered rendered = Chart.render(Chart.set(
                "kafka.topics.provisioning", "strimzi", "kafka.topics.strimzi.clusterName", "events-cluster"));

        assertAllValid(rendered);
        assertThat(rendered.ofKind("KafkaTopic")).hasSize(5);
    }

    @Test
    void theValidatorRefusesAnUnknownFieldDeepInAnObject() {
        Manifest deployment = Chart.renderDefaults().workload("query");
        Map<String, Object> securityContext = firstContainer(deployment).get("securityContext") instanceof Map<?, ?> m
                ? cast(m) : Map.of();
        securityContext.put("runAsNonRot", true);

        assertThat(ManifestValidator.problems(deployment)).singleElement().asString().contains("runAsNonRot");
    }

    @Test
    void theValidatorRefusesAMissingRequiredField() {
        Manifest deployment = Chart.renderDefaults().workload("collector");
        firstContainer(deployment).remove("name");

        assertThat(ManifestValidator.problems(deployment)).singleElement().asString().contains("name");
    }

    @Test
    void theValidatorRefusesAnUnknownFieldInACustomResource() {
        Manifest monitor = Chart.renderProduction(Map.of()).get("ServiceMonitor", "tw-trailwatch");
        cast(((List<?>) monitor.at("spec.endpoints")).get(0)).put("intervall", "30s");

        assertThat(ManifestValidator.problems(monitor)).singleElement().asString().contains("intervall");
    }

    private static Map<String, Object> firstContainer(Manifest workload) {
        return cast(((List<?>) workload.at("spec.template.spec.containers")).get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    private static void assertAllValid(Chart.Rendered rendered) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Manifest manifest : rendered.manifests()) {
            List<String> found = ManifestValidator.problems(manifest);
            if (!found.isEmpty()) {
                problems.put(manifest.toString(), found);
            }
        }
        assertThat(problems).isEmpty();
    }
}
