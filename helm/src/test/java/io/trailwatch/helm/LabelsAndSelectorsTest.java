package io.trailwatch.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Standard labels everywhere; every selector selects exactly the pods it is meant to. */
class LabelsAndSelectorsTest {

    static Stream<Arguments> renders() {
        return Stream.of(
                Arguments.of("default values", Chart.renderDefaults()),
                Arguments.of("production values", Chart.renderProduction(Map.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyObjectCarriesTheStandardLabels(String name, Chart.Rendered rendered) {
        for (Manifest manifest : rendered.manifests()) {
            assertThat(manifest.labels()).as(manifest.toString())
                    .containsEntry("app.kubernetes.io/name", "trailwatch")
                    .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry("app.kubernetes.io/part-of", "trailwatch")
                    .containsEntry("helm.sh/chart", "trailwatch-0.1.0")
                    .containsKey("app.kubernetes.io/version");
            assertThat(manifest.name().length()).as(manifest + " name length").isLessThanOrEqualTo(63);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void workloadSelectorsAreStableAndMatchTheirPods(String name, Chart.Rendered rendered) {
        for (String component : Chart.COMPONENTS) {
            Manifest workload = rendered.workload(component);
            Map<String, String> selector = workload.kind().equals("StatefulSet")
                    ? workload.as(V1StatefulSet.class).getSpec().getSelector().getMatchLabels()
                    : workload.as(V1Deployment.class).getSpec().getSelector().getMatchLabels();
            assertThat(selector).as(component + " selector: name, instance and component only")
                    .isEqualTo(selectorOf(component));
            assertThat(PodSpecs.podLabels(workload)).as(component + " pod labels").containsAllEntriesOf(selector);
            assertThat(workload.labels()).containsEntry("app.kubernetes.io/component", component);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void servicesPdbsAndNetworkPoliciesSelectOnlyTheirOwnComponent(String name, Chart.Rendered rendered) {
        for (String component : Chart.COMPONENTS) {
            String object = Chart.FULLNAME + "-" + component;
            assertThat(rendered.get("Service", object).mapOrEmpty("spec.selector")).isEqualTo(selectorOf(component));
            assertThat(rendered.get("PodDisruptionBudget", object).mapOrEmpty("spec.selector.matchLabels"))
                    .isEqualTo(selectorOf(component));
            assertThat(rendered.get("NetworkPolicy", object).mapOrEmpty("spec.podSelector.matchLabels"))
                    .isEqualTo(selectorOf(component));
            assertThat(matchingWorkloads(rendered, selectorOf(component))).containsExactly(component);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void servicesTargetTheNamedContainerPort(String name, Chart.Rendered rendered) {
        for (Manifest service : rendered.ofKind("Service")) {
            assertThat(String.valueOf(service.at("spec.ports"))).as(service.toString()).contains("targetPort=http");
        }
    }

    @Test
    void autoscalersTargetTheirOwnWorkload() {
        Chart.Rendered rendered = Chart.render(List.of(java.nio.file.Path.of("src/test/resources/values/all-features.yaml")),
                Map.of());

        assertThat(rendered.ofKind("HorizontalPodAutoscaler")).hasSize(4).allSatisfy(hpa -> {
            Map<String, Object> target = hpa.map("spec.scaleTargetRef");
            assertThat(rendered.has((String) target.get("kind"), (String) target.get("name"))).as(hpa.toString()).isTrue();
            assertThat(target.get("name")).isEqualTo(hpa.name());
        });
        for (String component : Chart.COMPONENTS) {
            assertThat(rendered.workload(component).at("spec.replicas")).as(component + ": the HPA owns replicas").isNull();
        }
    }

    @Test
    void theServiceMonitorSelectsTheFourServicesButNotTheHeadlessOne() {
        Chart.Rendered rendered = Chart.renderProduction(Map.of());
        Manifest monitor = rendered.get("ServiceMonitor", Chart.FULLNAME);

        Map<String, Object> matchLabels = monitor.mapOrEmpty("spec.selector.matchLabels");
        List<String> selected = rendered.ofKind("Service").stream()
                .filter(service -> service.labels().entrySet().containsAll(matchLabels.entrySet()))
                .filter(service -> service.labels().containsKey("app.kubernetes.io/component"))
                .filter(service -> !service.labels().containsKey("trailwatch.io/headless"))
                .map(Manifest::name)
                .toList();
        assertThat(selected).containsExactlyInAnyOrder("tw-trailwatch-collector", "tw-trailwatch-rules",
                "tw-trailwatch-alert", "tw-trailwatch-query");
        assertThat(rendered.get("Service", "tw-trailwatch-rules-headless").labels()).containsKey("trailwatch.io/headless");
        assertThat(String.valueOf(monitor.at("spec.endpoints"))).contains("path=/q/metrics", "port=http");
    }

    @Test
    void longNamesAreTruncatedToFitKubernetesLimits() {
        Chart.Rendered rendered = Chart.render(Chart.set("fullnameOverride", "x".repeat(70)));

        for (Manifest manifest : rendered.manifests()) {
            assertThat(manifest.name().length()).as(manifest.toString()).isLessThanOrEqualTo(63);
        }
        assertThat(rendered.ofKind("StatefulSet")).singleElement().satisfies(rules ->
                assertThat(rules.name().length()).as("room for the controller-revision-hash label").isLessThanOrEqualTo(52));
    }

    private static Map<String, Object> selectorOf(String component) {
        return Map.of("app.kubernetes.io/name", "trailwatch", "app.kubernetes.io/instance", Chart.RELEASE,
                "app.kubernetes.io/component", component);
    }

    private static List<String> matchingWorkloads(Chart.Rendered rendered, Map<String, Object> selector) {
        return rendered.podOwners().stream()
                .filter(owner -> PodSpecs.podLabels(owner).entrySet().containsAll(selector.entrySet()))
                .map(owner -> owner.labels().get("app.kubernetes.io/component").toString())
                .toList();
    }
}
