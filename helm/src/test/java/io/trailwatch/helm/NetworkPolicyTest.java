package io.trailwatch.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Each service accepts traffic only from who needs it and reaches only what it needs. */
class NetworkPolicyTest {

    private static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "169.254.0.0/16");

    @Test
    void everyServiceHasAPolicyForIngressAndEgressWithoutAllowAllRules() {
        Chart.Rendered rendered = Chart.renderDefaults();

        for (String component : Chart.COMPONENTS) {
            V1NetworkPolicy policy = policy(rendered, component);
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            for (V1NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                assertThat(rule.getFrom()).as(component + ": an ingress rule without peers admits everyone").isNotEmpty();
                assertThat(ports(rule.getPorts())).as(component).containsExactly(port(component));
            }
        }
    }

    @Test
    void onlyQueryServiceAdmitsTheIngressController() {
        Chart.Rendered rendered = Chart.renderDefaults();

        for (String component : Chart.COMPONENTS) {
            boolean admitsController = policy(rendered, component).getSpec().getIngress().stream()
                    .flatMap(rule -> rule.getFrom().stream())
                    .map(V1NetworkPolicyPeer::getNamespaceSelector)
                    .filter(Objects::nonNull)
                    .anyMatch(selector -> "ingress-nginx".equals(
                            selector.getMatchLabels().get("kubernetes.io/metadata.name")));
            assertThat(admitsController).as(component).isEqualTo(component.equals("query"));
        }
    }

    @Test
    void alertAndRulesApisAdmitQueryServiceAndQueryServiceMayReachThem() {
        Chart.Rendered rendered = Chart.renderDefaults();

        for (String backend : List.of("alert", "rules")) {
            assertThat(policy(rendered, backend).getSpec().getIngress()).anySatisfy(rule ->
                    assertThat(components(rule.getFrom())).containsExactly("query"));
            assertThat(policy(rendered, "query").getSpec().getEgress()).anySatisfy(rule -> {
                assertThat(ports(rule.getPorts())).containsExactly(port(backend));
                assertThat(components(rule.getTo())).containsExactly(backend);
            });
        }
        assertThat(policy(rendered, "collector").getSpec().getIngress())
                .allSatisfy(rule -> assertThat(components(rule.getFrom())).doesNotContain("query"));
    }

    @Test
    void egressGoesOnlyWhereEachServiceNeedsIt() {
        Chart.Rendered rendered = Chart.renderProduction(Map.of());

        for (String component : Chart.COMPONENTS) {
            List<Integer> ports = policy(rendered, component).getSpec().getEgress().stream()
                    .flatMap(rule -> ports(rule.getPorts()).stream()).toList();
            assertThat(ports).as(component + ": DNS and Kafka").contains(53, 9096);
            assertThat(ports.contains(5432)).as(component + ": PostgreSQL").isEqualTo(List.of("query", "alert").contains(component));
            assertThat(ports.contains(443)).as(component + ": HTTPS (AWS, OIDC or receivers)")
                    .isEqualTo(!component.equals("rules"));
        }
        List<V1NetworkPolicyEgressRule> kafka = policy(rendered, "rules").getSpec().getEgress().stream()
                .filter(rule -> ports(rule.getPorts()).contains(9096)).toList();
        assertThat(kafka).singleElement().satisfies(rule ->
                assertThat(rule.getTo()).extracting(peer -> peer.getIpBlock().getCidr()).containsExactly("10.40.16.0/20"));
    }

    @Test
    void alertReceiversExcludePrivateAndMetadataRangesAsAnSsrfBackstop() {
        V1NetworkPolicy alert = policy(Chart.renderDefaults(), "alert");

        V1NetworkPolicyEgressRule receivers = alert.getSpec().getEgress().stream()
                .filter(rule -> ports(rule.getPorts()).contains(587)).findFirst().orElseThrow();
        assertThat(ports(receivers.getPorts())).containsExactly(443, 25, 465, 587);
        assertThat(receivers.getTo()).singleElement().satisfies(peer -> {
            assertThat(peer.getIpBlock().getCidr()).isEqualTo("0.0.0.0/0");
            assertThat(peer.getIpBlock().getExcept()).containsAll(PRIVATE_RANGES);
        });
    }

    @Test
    void policiesCanBeTurnedOff() {
        assertThat(Chart.render(Chart.set("networkPolicy.enabled", false)).ofKind("NetworkPolicy")).isEmpty();
    }

    private static V1NetworkPolicy policy(Chart.Rendered rendered, String component) {
        return rendered.get("NetworkPolicy", Chart.FULLNAME + "-" + component).as(V1NetworkPolicy.class);
    }

    /** The Trailwatch components a list of peers selects by pod label. */
    private static List<Object> components(List<V1NetworkPolicyPeer> peers) {
        return peers == null ? List.of() : peers.stream()
                .filter(peer -> peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels() != null)
                .map(peer -> (Object) peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component"))
                .filter(Objects::nonNull)
                .toList();
    }

    private static List<Integer> ports(List<V1NetworkPolicyPort> ports) {
        return ports == null ? List.of() : ports.stream().map(p -> p.getPort().getIntValue()).toList();
    }

    private static int port(String component) {
        return Map.of("query", 8080, "collector", 8081, "rules", 8082, "alert", 8083).get(component);
    }
}
