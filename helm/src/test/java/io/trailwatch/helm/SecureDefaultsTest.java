package io.trailwatch.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pod the chart creates runs restricted: non-root, read-only, no privileges, bounded, probed. */
class SecureDefaultsTest {

    static Stream<Arguments> renders() {
        return Stream.of(
                Arguments.of("default values", Chart.renderDefaults()),
                Arguments.of("production values", Chart.renderProduction(Map.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyPodRunsAsNonRootWithTheRuntimeDefaultSeccompProfile(String name, Chart.Rendered rendered) {
        assertThat(rendered.podOwners()).hasSizeGreaterThanOrEqualTo(8);
        for (Manifest owner : rendered.podOwners()) {
            V1PodSpec pod = PodSpecs.of(owner);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(owner + " runAsNonRoot").isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(owner + " seccomp")
                    .isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(owner + " mounts no API token").isFalse();
            assertThat(pod.getHostNetwork()).as(owner + " hostNetwork").isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getHostPID()).as(owner + " hostPID").isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getVolumes()).as(owner + " uses no host path")
                    .allSatisfy(volume -> assertThat(volume.getHostPath()).isNull());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyContainerIsReadOnlyUnprivilegedAndHasRequestsAndLimits(String name, Chart.Rendered rendered) {
        for (Manifest owner : rendered.podOwners()) {
            for (V1Container container : PodSpecs.of(owner).getContainers()) {
                String what = owner + " container " + container.getName();
                V1SecurityContext context = container.getSecurityContext();
                assertThat(context).as(what + " securityContext").isNotNull();
                assertThat(context.getReadOnlyRootFilesystem()).as(what + " read-only root").isTrue();
                assertThat(context.getAllowPrivilegeEscalation()).as(what + " privilege escalation").isFalse();
                assertThat(context.getPrivileged()).as(what + " privileged").isFalse();
                assertThat(context.getRunAsNonRoot()).as(what + " runAsNonRoot").isTrue();
                assertThat(context.getCapabilities().getDrop()).as(what + " drops capabilities").containsExactly("ALL");
                assertThat(context.getCapabilities().getAdd()).as(what + " adds no capability").isNullOrEmpty();
                assertThat(context.getSeccompProfile().getType()).as(what + " seccomp").isEqualTo("RuntimeDefault");
                assertThat(container.getResources().getRequests()).as(what + " requests").containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(what + " limits").containsKeys("cpu", "memory");
                assertThat(container.getVolumeMounts()).as(what + " has a writable /tmp")
                        .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyServiceHasStartupReadinessAndLivenessProbesOnSmallRyeHealth(String name, Chart.Rendered rendered) {
        Map<String, Integer> ports = Map.of("query", 8080, "collector", 8081, "rules", 8082, "alert", 8083);
        for (String component : Chart.COMPONENTS) {
            V1Container container = PodSpecs.of(rendered.workload(component)).getContainers().get(0);
            assertThat(container.getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getContainerPort()).isEqualTo(ports.get(component));
            });
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            for (var probe : List.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())) {
                assertThat(probe.getHttpGet().getPort().getStrValue()).as(component).isEqualTo("http");
                assertThat(probe.getFailureThreshold()).as(component).isPositive();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void serviceAccountsDoNotMountApiTokens(String name, Chart.Rendered rendered) {
        assertThat(rendered.ofKind("ServiceAccount")).hasSizeGreaterThanOrEqualTo(4).allSatisfy(account ->
                assertThat(account.as(V1ServiceAccount.class).getAutomountServiceAccountToken()).as(account.toString())
                        .isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void kafkaStreamsStateLivesOnAWritableVolume(String name, Chart.Rendered rendered) {
        Manifest rules = rendered.workload("rules");
        V1Container container = PodSpecs.of(rules).getContainers().get(0);

        assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("state");
            assertThat(mount.getMountPath()).isEqualTo("/var/lib/trailwatch/rules-state");
            assertThat(mount.getReadOnly()).isNotEqualTo(Boolean.TRUE);
        });
        assertThat(rules.listOrEmpty("spec.volumeClaimTemplates")).as("a PersistentVolumeClaim per replica").hasSize(1);
        assertThat(ServiceConfigTest.properties(rendered, "rules"))
                .containsEntry("kafka-streams.state.dir", "/var/lib/trailwatch/rules-state");
    }
}
