package io.trailwatch.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How values reach each service: its config file (ConfigMap) and its environment (Secrets). */
class ServiceConfigTest {

    private static final Path ALL_FEATURES = Path.of("src/test/resources/values/all-features.yaml");

    @AfterEach
    void forgetClusterSecrets() {
        FakeKubernetesApi.get().clearSecrets();
    }

    /** The config file of a component, as Quarkus reads it. */
    static Map<String, String> properties(Chart.Rendered rendered, String component) {
        String text = (String) rendered.get("ConfigMap", Chart.FULLNAME + "-" + component)
                .map("data").get("application.properties");
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    static V1Container container(Chart.Rendered rendered, String component) {
        return PodSpecs.of(rendered.workload(component)).getContainers().get(0);
    }

    static V1EnvVar env(V1Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no env " + name));
    }

    static boolean hasEnv(V1Container container, String name) {
        return container.getEnv().stream().anyMatch(e -> e.getName().equals(name));
    }

    @Test
    void everyServiceReadsItsConfigFileAboveItsPackagedDefaults() {
        Chart.Rendered rendered = Chart.renderDefaults();

        for (String component : Chart.COMPONENTS) {
            Map<String, String> properties = properties(rendered, component);
            assertThat(properties).as(component)
                    .containsEntry("config_ordinal", "270")
                    .containsEntry("kafka.bootstrap.servers", "kafka-bootstrap.kafka.svc:9092")
                    .containsEntry("kafka.security.protocol", "PLAINTEXT")
                    .containsEntry("quarkus.log.console.json.enabled", "true");
            V1Container container = container(rendered, component);
            assertThat(env(container, "QUARKUS_CONFIG_LOCATIONS").getValue())
                    .isEqualTo("/etc/trailwatch/config/application.properties");
            assertThat(container.getVolumeMounts()).anySatisfy(mount ->
                    assertThat(mount.getMountPath()).isEqualTo("/etc/trailwatch/config"));
        }
    }

    /** A heap that starts small is shrunk after every collection by the image's parallel collector settings. */
    @Test
    void everyServiceStartsWithItsWholeHeapAndRefusesAStartAboveTheMaximum() {
        Chart.Rendered rendered = Chart.renderDefaults();
        for (String component : Chart.COMPONENTS) {
            V1Container container = container(rendered, component);
            assertThat(env(container, "JAVA_INITIAL_MEM_RATIO").getValue()).as(component).isEqualTo("70");
            assertThat(env(container, "JAVA_MAX_MEM_RATIO").getValue()).as(component).isEqualTo("70");
            assertThat(env(container, "JDK_JAVA_OPTIONS").getValue()).as(component)
                    .isEqualTo("-XX:InitialRAMPercentage=70 -XX:MaxRAMPercentage=70");
        }

        assertThat(Chart.renderFailure(List.of(), Chart.set("jvm.initialRamPercentage", 80)))
                .contains("jvm.initialRamPercentage (80) must not exceed jvm.maxRamPercentage (70)");
    }

    @Test
    void localUsersAreOffOnTheUserFacingServicesAndServeOnlyInternalCallsOnTheBackends() {
        Chart.Rendered rendered = Chart.renderDefaults();

        assertThat(properties(rendered, "query")).containsEntry("trailwatch.auth.local-users-enabled", "false");
        assertThat(properties(rendered, "collector")).containsEntry("trailwatch.auth.local-users-enabled", "false");
        for (String backend : List.of("alert", "rules")) {
            assertThat(properties(rendered, backend)).containsEntry("trailwatch.auth.local-users-enabled", "true");
            assertThat(env(container(rendered, backend), "TRAILWATCH_ADMIN_PASSWORD").getValueFrom().getSecretKeyRef())
                    .isEqualTo(new V1SecretKeySelector().name("tw-trailwatch-internal-credentials").key("admin-password"));
        }
        Map<String, String> query = properties(rendered, "query");
        assertThat(query).containsEntry("trailwatch.query.alert-service.url", "http://tw-trailwatch-alert:8083")
                .containsEntry("trailwatch.query.rules-service.url", "http://tw-trailwatch-rules:8082")
                .containsEntry("trailwatch.query.alert-service.user", "admin");
        assertThat(env(container(rendered, "query"), "TRAILWATCH_QUERY_ALERT_SERVICE_PASSWORD").getValueFrom()
                .getSecretKeyRef().getName()).isEqualTo("tw-trailwatch-internal-credentials");
        assertThat(hasEnv(container(rendered, "query"), "TRAILWATCH_ADMIN_PASSWORD")).isFalse();
    }

    @Test
    void everyQueryReplicaSharesTheSessionKey() {
        Chart.Rendered rendered = Chart.renderDefaults();

        V1Container query = container(rendered, "query");
        for (String name : List.of("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET")) {
            assertThat(env(query, name).getValueFrom().getSecretKeyRef())
                    .isEqualTo(new V1SecretKeySelector().name("tw-trailwatch-internal-credentials").key("session-key"));
        }
        String key = decode(rendered.get("Secret", "tw-trailwatch-internal-credentials").map("data").get("session-key"));
        assertThat(key).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void databaseSettingsGoToTheConfigFileAndThePasswordComesFromTheSecret() {
        Chart.Rendered rendered = Chart.renderProduction(Map.of());

        for (String component : List.of("query", "alert")) {
            assertThat(properties(rendered, component)).as(component)
                    .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://"
                            + "trailwatch.cluster-abcdefghij.eu-west-1.rds.amazonaws.com:5432/trailwatch?sslmode=verify-full"
                            + "&sslrootcert=/etc/trailwatch/postgresql-ca/ca.crt&ApplicationName=trailwatch")
                    .containsEntry("quarkus.datasource.username", "trailwatch")
                    .containsEntry("quarkus.flyway.migrate-at-start", "true");
            assertThat(env(container(rendered, component), "QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef())
                    .isEqualTo(new V1SecretKeySelector().name("trailwatch-postgresql").key("password"));
        }
        for (String component : List.of("collector", "rules")) {
            assertThat(properties(rendered, component)).doesNotContainKey("quarkus.datasource.jdbc.url");
            assertThat(hasEnv(container(rendered, component), "QUARKUS_DATASOURCE_PASSWORD")).isFalse();
        }
    }

    @Test
    void scramOverTlsIsConfiguredForEveryKafkaClientIncludingKafkaStreams() {
        Chart.Rendered rendered = Chart.renderProduction(Map.of());

        for (String component : Chart.COMPONENTS) {
            Map<String, String> properties = properties(rendered, component);
            assertThat(properties).containsEntry("kafka.security.protocol", "SASL_SSL")
                    .containsEntry("kafka.sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule"
                            + " required username=\"${TRAILWATCH_KAFKA_USERNAME}\" password=\"${TRAILWATCH_KAFKA_PASSWORD}\";");
            V1Container container = container(rendered, component);
            assertThat(env(container, "TRAILWATCH_KAFKA_USERNAME").getValue()).isEqualTo("trailwatch");
            assertThat(env(container, "TRAILWATCH_KAFKA_PASSWORD").getValueFrom().getSecretKeyRef())
                    .isEqualTo(new V1SecretKeySelector().name("trailwatch-kafka").key("password"));
        }
        assertThat(properties(rendered, "rules")).containsEntry("kafka-streams.security.protocol", "SASL_SSL")
                .containsEntry("kafka-streams.sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("kafka-streams.sasl.jaas.config");
    }

    @Test
    void tlsTrustAndClientCertificatesAreMountedFromSecrets() {
        Chart.Rendered rendered = Chart.render(List.of(ALL_FEATURES), Map.of());

        Map<String, String> properties = properties(rendered, "alert");
        assertThat(properties).containsEntry("kafka.ssl.truststore.type", "PEM")
                .containsEntry("kafka.ssl.truststore.location", "/etc/trailwatch/kafka-ca/ca.crt")
                .containsEntry("kafka.ssl.keystore.location", "/etc/trailwatch/kafka-client/user.p12")
                .containsEntry("kafka.ssl.keystore.password", "${TRAILWATCH_KAFKA_KEYSTORE_PASSWORD}");
        assertThat(secretVolumes(rendered, "alert")).contains("kafka-ca", "trailwatch-kafka-user", "pg-ca");
        assertThat(env(container(rendered, "alert"), "TRAILWATCH_KAFKA_KEYSTORE_PASSWORD").getValueFrom().getSecretKeyRef())
                .isEqualTo(new V1SecretKeySelector().name("trailwatch-kafka-user").key("user.password"));
    }

    @Test
    void mskIamAuthenticationUsesTheIamLoginModuleAndNoPassword() {
        Chart.Rendered rendered = Chart.render(Chart.set("kafka.tls.enabled", true, "kafka.sasl.mechanism", "AWS_MSK_IAM"));

        for (String component : Chart.COMPONENTS) {
            assertThat(properties(rendered, component)).containsEntry("kafka.security.protocol", "SASL_SSL")
                    .containsEntry("kafka.sasl.mechanism", "AWS_MSK_IAM")
                    .containsEntry("kafka.sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;")
                    .containsEntry("kafka.sasl.client.callback.handler.class",
                            "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
            assertThat(hasEnv(container(rendered, component), "TRAILWATCH_KAFKA_PASSWORD")).isFalse();
        }
    }

    @Test
    void secretsFromValuesGoToASecretAndNeverToAConfigMap() {
        Chart.Rendered rendered = Chart.render(List.of(ALL_FEATURES), Map.of());
        List<String> secrets = List.of("test-kafka-password", "test-db-password", "test-oidc-secret",
                "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

        for (Manifest configMap : rendered.ofKind("ConfigMap")) {
            String data = String.valueOf(configMap.at("data"));
            assertThat(secrets).as(configMap.toString()).noneMatch(data::contains);
        }
        for (Manifest manifest : rendered.manifests()) {
            if (!manifest.kind().equals("Secret")) {
                String text = manifest.document().toString();
                assertThat(secrets).as(manifest + " holds no secret in clear").noneMatch(text::contains);
            }
        }
        Map<String, Object> data = rendered.get("Secret", "tw-trailwatch-credentials").map("data");
        assertThat(decode(data.get("kafka-password"))).isEqualTo("test-kafka-password");
        assertThat(decode(data.get("postgresql-password"))).isEqualTo("test-db-password");
        assertThat(decode(data.get("oidc-client-secret"))).isEqualTo("test-oidc-secret");
        assertThat(env(container(rendered, "query"), "QUARKUS_OIDC_CREDENTIALS_SECRET").getValueFrom().getSecretKeyRef())
                .isEqualTo(new V1SecretKeySelector().name("tw-trailwatch-credentials").key("oidc-client-secret"));
        assertThat(env(container(rendered, "collector"), "TRAILWATCH_COLLECTOR_INTAKE_TOKENS").getValueFrom()
                .getSecretKeyRef().getKey()).isEqualTo("collector-intake-tokens");
    }

    @Test
    void oidcSettingsAndRoleMappingReachQueryService() {
        Chart.Rendered rendered = Chart.renderProduction(Map.of());

        Map<String, String> query = properties(rendered, "query");
        assertThat(query).containsEntry("quarkus.oidc.tenant-enabled", "true")
                .containsEntry("quarkus.oidc.auth-server-url", "https://login.example.com/realms/soc")
                .containsEntry("quarkus.oidc.client-id", "trailwatch")
                .containsEntry("quarkus.oidc.application-type", "hybrid")
                .containsEntry("quarkus.oidc.roles.role-claim-path", "groups")
                .containsEntry("trailwatch.query.auth.role-mapping.\"soc-admins\"", "admin")
                .containsEntry("trailwatch.query.auth.role-mapping.\"soc-analysts\"", "analyst")
                .containsEntry("trailwatch.auth.local-users-enabled", "false");
        assertThat(env(container(rendered, "query"), "QUARKUS_OIDC_CREDENTIALS_SECRET").getValueFrom().getSecretKeyRef())
                .isEqualTo(new V1SecretKeySelector().name("trailwatch-oidc").key("client-secret"));
        assertThat(properties(Chart.render(List.of(ALL_FEATURES), Map.of()), "query"))
                .as("group names with spaces are escaped keys")
                .containsEntry("trailwatch.query.auth.role-mapping.\"SOC Admins\"", "admin");
    }

    @Test
    void topicNamesReachEveryServiceThatUsesThem() {
        Chart.Rendered rendered = Chart.render(Chart.set("kafka.topics.findings.name", "soc.findings",
                "kafka.topics.events.name", "soc.events"));

        assertThat(properties(rendered, "collector")).containsEntry("trailwatch.collector.events-topic", "soc.events");
        assertThat(properties(rendered, "rules")).containsEntry("trailwatch.rules.events-topic", "soc.events")
                .containsEntry("trailwatch.rules.findings-topic", "soc.findings")
                .containsEntry("trailwatch.rules.metrics-topic", "trailwatch.metrics");
        assertThat(properties(rendered, "alert")).containsEntry("mp.messaging.incoming.findings.topic", "soc.findings");
        assertThat(properties(rendered, "query")).containsEntry("mp.messaging.incoming.findings.topic", "soc.findings")
                .containsEntry("mp.messaging.incoming.events.topic", "soc.events")
                .containsEntry("mp.messaging.incoming.metrics.topic", "trailwatch.metrics")
                .containsEntry("mp.messaging.incoming.rejected.topic", "trailwatch.rejected");
        for (String component : Chart.COMPONENTS) {
            assertThat(properties(rendered, component).values()).as(component)
                    .noneMatch(v -> v.equals("trailwatch.findings") || v.equals("trailwatch.cloudtrail.events"));
        }
    }

    @Test
    void collectorSourcesBecomeSourceProperties() {
        Map<String, String> collector = properties(Chart.render(List.of(ALL_FEATURES), Map.of()), "collector");

        assertThat(collector)
                .containsEntry("trailwatch.collector.sources.sqs.main.queue-url",
                        "https://sqs.eu-west-1.amazonaws.com/111122223333/cloudtrail")
                .containsEntry("trailwatch.collector.sources.sqs.main.role-arn", "arn:aws:iam::111122223333:role/reader")
                .containsEntry("trailwatch.collector.sources.s3.backfill.bucket", "org-cloudtrail")
                .containsEntry("trailwatch.collector.sources.s3.backfill.regions", "eu-west-1,us-east-1")
                .containsEntry("trailwatch.collector.limits.max-object-bytes", "52428800");
    }

    @Test
    void aServicesOwnConfigValuesWinOverTheChartsLines() {
        Map<String, String> query = properties(Chart.render(Chart.set(
                "query.config.trailwatch\\.query\\.retention\\.event-days", "7")), "query");

        assertThat(query).containsEntry("trailwatch.query.retention.event-days", "7");
    }

    @Test
    void rulesServiceGetsStaticMembershipStandbysAndCustomRules() {
        Chart.Rendered rendered = Chart.render(List.of(ALL_FEATURES), Map.of());

        assertThat(properties(rendered, "rules"))
                .containsEntry("kafka-streams.group.instance.id", "${POD_NAME}")
                .containsEntry("kafka-streams.num.standby.replicas", "1")
                .containsEntry("kafka-streams.replication.factor", "3")
                .containsEntry("trailwatch.rules.custom-dir", "/etc/trailwatch/rules")
                .containsEntry("trailwatch.rules.detectors-dir", "/etc/trailwatch/detectors")
                .containsEntry("trailwatch.rules.cis-version", "v1.4.0");
        assertThat(env(container(rendered, "rules"), "POD_NAME").getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.name");
        assertThat(rendered.get("ConfigMap", "tw-trailwatch-rules-custom").map("data")).containsKey("my-rule.yaml");
        assertThat(rendered.get("ConfigMap", "tw-trailwatch-rules-detectors").map("data")).containsKey("api-denied.yaml");
        assertThat(PodSpecs.of(rendered.workload("rules")).getVolumes()).anySatisfy(volume -> {
            assertThat(volume.getName()).isEqualTo("state");
            assertThat(volume.getEmptyDir()).as("persistence off: emptyDir").isNotNull();
        });
    }

    @Test
    void alertServiceGetsItsKeyFileLinksAndSmtp() {
        Chart.Rendered rendered = Chart.renderProduction(Map.of());

        assertThat(properties(rendered, "alert"))
                .containsEntry("trailwatch.alert.secret-key-file", "/etc/trailwatch/alert-key/secret-key")
                .containsEntry("trailwatch.alert.ui-base-url", "https://trailwatch.example.com")
                .containsEntry("quarkus.mailer.host", "email-smtp.eu-west-1.amazonaws.com")
                .containsEntry("quarkus.mailer.start-tls", "REQUIRED");
        assertThat(secretVolumes(rendered, "alert")).contains("trailwatch-alert-key", "rds-ca");
        assertThat(env(container(rendered, "alert"), "QUARKUS_MAILER_PASSWORD").getValueFrom().getSecretKeyRef())
                .isEqualTo(new V1SecretKeySelector().name("trailwatch-smtp").key("password"));
    }

    @Test
    void generatedCredentialsAreKeptAcrossUpgrades() {
        FakeKubernetesApi.get().putSecret(Chart.NAMESPACE, "tw-trailwatch-alert-key", Map.of("secret-key", "existing-key"));
        FakeKubernetesApi.get().putSecret(Chart.NAMESPACE, "tw-trailwatch-internal-credentials",
                Map.of("admin-password", "a", "analyst-password", "b", "viewer-password", "c"));

        Chart.Rendered rendered = Chart.renderDefaults();

        Manifest key = rendered.get("Secret", "tw-trailwatch-alert-key");
        assertThat(decode(key.map("data").get("secret-key"))).isEqualTo("existing-key");
        assertThat(key.annotations()).containsEntry("helm.sh/resource-policy", "keep");
        Map<String, Object> internal = rendered.get("Secret", "tw-trailwatch-internal-credentials").map("data");
        assertThat(decode(internal.get("admin-password"))).isEqualTo("a");
        assertThat(decode(internal.get("viewer-password"))).isEqualTo("c");
    }

    @Test
    void aNewInstallGeneratesA32ByteEncryptionKey() {
        Manifest key = Chart.renderDefaults().get("Secret", "tw-trailwatch-alert-key");

        String base64Key = decode(key.map("data").get("secret-key"));
        assertThat(Base64.getDecoder().decode(base64Key)).hasSize(32);
    }

    @Test
    void configChangesRollThePods() {
        String before = annotation(Chart.renderDefaults(), "query");
        String after = annotation(Chart.render(Chart.set("query.retentionDays", 7)), "query");

        assertThat(after).isNotEqualTo(before);
        assertThat(annotation(Chart.render(Chart.set("query.retentionDays", 7)), "collector"))
                .as("other services keep rolling only on their own config").isEqualTo(annotation(Chart.renderDefaults(), "collector"));
    }

    @Test
    void aDisabledServiceLeavesNothingBehind() {
        Chart.Rendered rendered = Chart.render(Chart.set("alert.enabled", false));

        assertThat(rendered.summary()).noneMatch(name -> name.contains("tw-trailwatch-alert"));
        assertThat(properties(rendered, "query")).doesNotContainKey("trailwatch.query.alert-service.url");
        String test = String.join(" ", PodSpecs.of(rendered.get("Pod", "tw-trailwatch-test-readiness"))
                .getContainers().get(0).getCommand());
        assertThat(test).doesNotContain("alert").contains("tw-trailwatch-query:8080");
    }

    @Test
    void onlyQueryServiceIsExposedByTheIngress() {
        Chart.Rendered rendered = Chart.renderProduction(Map.of());

        assertThat(rendered.ofKind("Ingress")).singleElement().satisfies(ingress -> {
            assertThat(ingress.name()).isEqualTo("tw-trailwatch-query");
            assertThat(String.valueOf(ingress.at("spec.rules"))).contains("name=tw-trailwatch-query")
                    .doesNotContain("collector", "rules", "alert");
        });
        assertThat(rendered.ofKind("Service")).allSatisfy(service ->
                assertThat(service.at("spec.type")).as(service.toString()).isIn("ClusterIP", null));
    }

    @Test
    void theCollectorServiceAccountCarriesTheIrsaRole() {
        Chart.Rendered rendered = Chart.renderProduction(Map.of());

        assertThat(rendered.get("ServiceAccount", "tw-trailwatch-collector").annotations())
                .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::111122223333:role/trailwatch-collector");
        assertThat(PodSpecs.of(rendered.workload("collector")).getServiceAccountName()).isEqualTo("tw-trailwatch-collector");
        assertThat(env(container(rendered, "collector"), "AWS_REGION").getValue()).isEqualTo("eu-west-1");
    }

    static List<String> secretVolumes(Chart.Rendered rendered, String component) {
        return PodSpecs.of(rendered.workload(component)).getVolumes().stream()
                .filter(volume -> volume.getSecret() != null)
                .map(volume -> volume.getSecret().getSecretName())
                .toList();
    }

    private static String annotation(Chart.Rendered rendered, String component) {
        return PodSpecs.template(rendered.workload(component)).getMetadata().getAnnotations().get("checksum/config");
    }

    private static String decode(Object base64) {
        return new String(Base64.getDecoder().decode((String) base64), StandardCharsets.UTF_8);
    }
}
