package io.trailwatch.helm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Strict validation of rendered objects. Built-in kinds are checked by the client-java model of their API version
 * (io.kubernetes:client-java-api): a field the API does not define, or a missing required field, anywhere in the
 * object, is an error. The custom resources the chart can create (ServiceMonitor, PrometheusRule, KafkaTopic) are
 * checked against JSON Schemas in src/test/resources/crd-schemas that declare the subset of each CRD's fields
 * the chart may use, with no other field allowed, and their metadata by the client-java ObjectMeta model.
 */
final class ManifestValidator {

    private interface ModelCheck {
        void validate(JsonElement json) throws IOException;
    }

    private static final Map<String, ModelCheck> BUILT_IN = Map.ofEntries(
            Map.entry("apps/v1/Deployment", V1Deployment::validateJsonElement),
            Map.entry("apps/v1/StatefulSet", V1StatefulSet::validateJsonElement),
            Map.entry("v1/Service", V1Service::validateJsonElement),
            Map.entry("v1/ServiceAccount", V1ServiceAccount::validateJsonElement),
            Map.entry("v1/ConfigMap", V1ConfigMap::validateJsonElement),
            Map.entry("v1/Secret", V1Secret::validateJsonElement),
            Map.entry("v1/Pod", V1Pod::validateJsonElement),
            Map.entry("batch/v1/Job", V1Job::validateJsonElement),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy::validateJsonElement),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress::validateJsonElement));

    private static final Map<String, String> CUSTOM = Map.of(
            "monitoring.coreos.com/v1/ServiceMonitor", "servicemonitor.schema.json",
            "monitoring.coreos.com/v1/PrometheusRule", "prometheusrule.schema.json",
            "kafka.strimzi.io/v1beta2/KafkaTopic", "kafkatopic.schema.json",
            "kafka.strimzi.io/v1/KafkaTopic", "kafkatopic.schema.json");

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private ManifestValidator() {
    }

    /** The problems of one object; empty when it is valid. */
    static List<String> problems(Manifest manifest) {
        String type = manifest.apiVersion() + "/" + manifest.kind();
        JsonElement json = manifest.json();
        ModelCheck builtIn = BUILT_IN.get(type);
        try {
            if (builtIn != null) {
                builtIn.validate(json);
                return List.of();
            }
            String schema = CUSTOM.get(type);
            if (schema == null) {
                return List.of(type + " has no validator: add the kind's model or schema to ManifestValidator");
            }
            JsonObject object = json.getAsJsonObject();
            V1ObjectMeta.validateJsonElement(object.get("metadata"));
            return schema(schema).validate(json.toString(), InputFormat.JSON).stream()
                    .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                    .collect(Collectors.toList());
        } catch (IllegalArgumentException | IOException e) {
            return List.of(e.getMessage());
        }
    }

    private static Schema schema(String name) {
        try (InputStream in = ManifestValidator.class.getResourceAsStream("/crd-schemas/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /crd-schemas/" + name);
            }
            return SCHEMAS.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
