package io.trailwatch.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** values.schema.json refuses what the chart cannot use, with a message that says where. */
class ValuesSchemaTest {

    @Test
    void aNonIntegerReplicaCountIsRefused() {
        assertThat(Chart.renderFailure(List.of(), Chart.set("collector.replicaCount", "two")))
                .contains("/collector/replicaCount").contains("want integer");
    }

    @Test
    void aMistypedKeyIsRefused() {
        assertThat(Chart.renderFailure(List.of(), Chart.set("collector.replicas", 3)))
                .contains("/collector").contains("'replicas' not allowed");
        assertThat(Chart.renderFailure(List.of(), Chart.set("kafka.bootstrapServer", "k:9092")))
                .contains("'bootstrapServer' not allowed");
    }

    @Test
    void valuesOutsideTheirEnumerationAreRefused() {
        assertThat(Chart.renderFailure(List.of(), Chart.set("kafka.sasl.mechanism", "GSSAPI")))
                .contains("/kafka/sasl/mechanism");
        assertThat(Chart.renderFailure(List.of(), Chart.set("kafka.topics.provisioning", "operator")))
                .contains("/kafka/topics/provisioning");
        assertThat(Chart.renderFailure(List.of(), Chart.set("auth.oidc.roleMapping.soc", "root")))
                .contains("/auth/oidc/roleMapping/soc");
    }

    @Test
    void malformedIdentifiersAreRefused() {
        assertThat(Chart.renderFailure(List.of(), Chart.set("collector.sources.sqs.Main.queueUrl", "https://q")))
                .contains("'Main' does not match pattern");
        assertThat(Chart.renderFailure(List.of(), Chart.set("query.accountNames.prod", "x")))
                .contains("'prod' does not match pattern '^[0-9]{12}$'");
        assertThat(Chart.renderFailure(List.of(), Chart.set("collector.image.digest", "latest")))
                .contains("/collector/image/digest");
    }

    @Test
    void missingCredentialsAreNamed() {
        assertThat(Chart.renderFailure(List.of(), Chart.set("kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.username", "tw"))).contains("kafka.sasl.existingSecret or kafka.sasl.password is required");
        assertThat(Chart.renderFailure(List.of(), Chart.set("kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.existingSecret", "k"))).contains("kafka.sasl.username is required");
        assertThat(Chart.renderFailure(List.of(), Chart.set("auth.oidc.enabled", true)))
                .contains("auth.oidc.authServerUrl is required");
        assertThat(Chart.renderFailure(List.of(), Chart.set("postgresql.existingSecret", "")))
                .contains("postgresql.existingSecret or postgresql.password is required");
    }
}
