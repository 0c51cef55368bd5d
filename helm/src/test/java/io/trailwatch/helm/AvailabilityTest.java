package io.trailwatch.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replicas, disruption budgets, spreading and autoscaling. */
class AvailabilityTest {

    @Test
    void everyServiceHasADisruptionBudgetAndTwoReplicasByDefault() {
        Chart.Rendered rendered = Chart.renderDefaults();

        for (String component : Chart.COMPONENTS) {
            V1PodDisruptionBudget pdb = rendered.get("PodDisruptionBudget", Chart.FULLNAME + "-" + component)
                    .as(V1PodDisruptionBudget.class);
            assertThat(pdb.getSpec().getMaxUnavailable().getIntValue()).isEqualTo(1);
            assertThat(pdb.getSpec().getMinAvailable()).isNull();
            assertThat(rendered.workload(component).at("spec.replicas")).as(component).isEqualTo(2);
        }
        assertThat(rendered.ofKind("HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void budgetsCanUseMinAvailableOrBeTurnedOff() {
        Chart.Rendered rendered = Chart.render(Chart.set("query.pdb.minAvailable", "50%", "alert.pdb.enabled", false));

        V1PodDisruptionBudget query = rendered.get("PodDisruptionBudget", "tw-trailwatch-query").as(V1PodDisruptionBudget.class);
        assertThat(query.getSpec().getMinAvailable().getStrValue()).isEqualTo("50%");
        assertThat(query.getSpec().getMaxUnavailable()).isNull();
        assertThat(rendered.has("PodDisruptionBudget", "tw-trailwatch-alert")).isFalse();
    }

    @Test
    void podsSpreadOverZonesAndNodes() {
        Chart.Rendered rendered = Chart.renderDefaults();

        for (String component : Chart.COMPONENTS) {
            List<V1TopologySpreadConstraint> constraints = PodSpecs.of(rendered.workload(component))
                    .getTopologySpreadConstraints();
            assertThat(constraints).extracting(V1TopologySpreadConstraint::getTopologyKey)
                    .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
            assertThat(constraints).allSatisfy(c -> assertThat(c.getLabelSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/component", component));
        }
    }

    @Test
    void autoscalingScalesOnCpuAndOptionallyOnConsumerLag() {
        Chart.Rendered rendered = Chart.render(List.of(Path.of("src/test/resources/values/all-features.yaml")), Map.of());

        V2HorizontalPodAutoscaler rules = rendered.get("HorizontalPodAutoscaler", "tw-trailwatch-rules")
                .as(V2HorizontalPodAutoscaler.class);
        assertThat(rules.getSpec().getScaleTargetRef().getKind()).isEqualTo("StatefulSet");
        assertThat(rules.getSpec().getMetrics()).hasSize(2);
        assertThat(rules.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization()).isEqualTo(75);
        assertThat(rules.getSpec().getMetrics().get(1).getExternal().getMetric().getName()).isEqualTo("kafka_consumergroup_lag");
        assertThat(rules.getSpec().getMetrics().get(1).getExternal().getMetric().getSelector().getMatchLabels())
                .containsEntry("consumergroup", "trailwatch-rules");
        V2HorizontalPodAutoscaler alert = rendered.get("HorizontalPodAutoscaler", "tw-trailwatch-alert")
                .as(V2HorizontalPodAutoscaler.class);
        assertThat(alert.getSpec().getMetrics()).singleElement()
                .satisfies(metric -> assertThat(metric.getType()).isEqualTo("Resource"));
    }

    @Test
    void rulesServiceIsAStatefulSetWithAStateVolumePerReplica() {
        V1StatefulSet rules = Chart.renderProduction(Map.of()).workload("rules").as(V1StatefulSet.class);

        assertThat(rules.getSpec().getServiceName()).isEqualTo("tw-trailwatch-rules-headless");
        assertThat(rules.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        assertThat(rules.getSpec().getVolumeClaimTemplates()).singleElement().satisfies(claim -> {
            assertThat(claim.getMetadata().getName()).isEqualTo("state");
            assertThat(claim.getSpec().getStorageClassName()).isEqualTo("gp3");
            assertThat(claim.getSpec().getResources().getRequests().get("storage").toSuffixedString()).isEqualTo("20Gi");
        });
        assertThat(rules.getSpec().getReplicas()).isEqualTo(3);
    }
}
