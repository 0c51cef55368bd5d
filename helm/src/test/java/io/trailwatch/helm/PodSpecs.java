package io.trailwatch.helm;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.Map;

/** The pod spec and template labels of any object that runs pods. */
final class PodSpecs {

    private PodSpecs() {
    }

    static V1PodSpec of(Manifest owner) {
        return switch (owner.kind()) {
            case "Pod" -> owner.as(V1Pod.class).getSpec();
            default -> template(owner).getSpec();
        };
    }

    static Map<String, String> podLabels(Manifest owner) {
        return switch (owner.kind()) {
            case "Pod" -> owner.as(V1Pod.class).getMetadata().getLabels();
            default -> template(owner).getMetadata().getLabels();
        };
    }

    static V1PodTemplateSpec template(Manifest owner) {
        return switch (owner.kind()) {
            case "Deployment" -> owner.as(V1Deployment.class).getSpec().getTemplate();
            case "StatefulSet" -> owner.as(V1StatefulSet.class).getSpec().getTemplate();
            case "Job" -> owner.as(V1Job.class).getSpec().getTemplate();
            default -> throw new AssertionError(owner + " has no pod template");
        };
    }
}
