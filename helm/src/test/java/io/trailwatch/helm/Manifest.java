package io.trailwatch.helm;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.JSON;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One rendered Kubernetes object. */
final class Manifest {

    private static final Gson GSON = new Gson();

    private final Map<String, Object> document;

    private Manifest(Map<String, Object> document) {
        this.document = document;
    }

    @SuppressWarnings("unchecked")
    static Manifest of(Map<?, ?> document) {
        Map<String, Object> copy = (Map<String, Object>) document;
        Object metadata = copy.get("metadata");
        if (metadata instanceof Map<?, ?> meta && meta.get("annotations") instanceof Map<?, ?> annotations) {
            Map<String, Object> restored = new LinkedHashMap<>();
            annotations.forEach((key, value) -> restored.put(
                    ((String) key).replace(Chart.RENDERED_HOOK_PREFIX, Chart.HOOK_PREFIX), value));
            ((Map<String, Object>) meta).put("annotations", restored);
        }
        return new Manifest(copy);
    }

    String kind() {
        return (String) document.get("kind");
    }

    String apiVersion() {
        return (String) document.get("apiVersion");
    }

    String name() {
        return (String) metadata().get("name");
    }

    Map<String, Object> document() {
        return document;
    }

    Map<String, Object> metadata() {
        return map("metadata");
    }

    Map<String, Object> labels() {
        return mapOrEmpty("metadata.labels");
    }

    Map<String, Object> annotations() {
        return mapOrEmpty("metadata.annotations");
    }

    boolean isHook() {
        return annotations().containsKey(Chart.HOOK_PREFIX);
    }

    /** The value at a dotted path of map keys, or null. */
    Object at(String path) {
        Object current = document;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String path) {
        Object value = at(path);
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError(kind() + "/" + name() + " has no map at " + path);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> mapOrEmpty(String path) {
        Object value = at(path);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    List<Object> listOrEmpty(String path) {
        Object value = at(path);
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }

    JsonElement json() {
        return GSON.toJsonTree(document);
    }

    /** This object as a client-java model (e.g. V1Deployment), for typed assertions. */
    <T> T as(Class<T> type) {
        return JSON.deserialize(GSON.toJson(document), type);
    }

    @Override
    public String toString() {
        return kind() + "/" + name();
    }
}
