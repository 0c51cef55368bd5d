package io.trailwatch.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every value is documented (values.yaml comment and the README table generated from it) and declared in
 * values.schema.json, and the schema declares nothing values.yaml lacks. After changing values.yaml, regenerate
 * the README table with {@code ./mvnw -f helm/pom.xml verify -Dtrailwatch.helm.writeReadme=true}.
 */
class ValuesDocumentationTest {

    private static final Path README = Chart.DIR.resolve("README.md");
    private final ValuesDoc doc = ValuesDoc.of(Chart.DIR.resolve("values.yaml"));

    @Test
    void everyValueIsDocumented() {
        assertThat(doc.undocumented()).as("values.yaml keys without a '# --' comment").isEmpty();
        assertThat(doc.parameters()).hasSizeGreaterThan(150);
    }

    @Test
    void theReadmeTableListsEveryValue() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(ValuesDoc.TABLE_BEGIN);
        int end = readme.indexOf(ValuesDoc.TABLE_END);
        assertThat(begin).as("README.md has the parameter table markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String current = readme.substring(begin, end + ValuesDoc.TABLE_END.length());

        if (Boolean.getBoolean("trailwatch.helm.writeReadme")) {
            Files.writeString(README, readme.replace(current, doc.table()), StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).as("README.md parameter table is stale: run the build with "
                + "-Dtrailwatch.helm.writeReadme=true").isEqualTo(doc.table());
    }

    @Test
    void theSchemaDeclaresEveryDocumentedValue() throws IOException {
        JsonObject schema = schema();
        List<String> undeclared = new ArrayList<>();
        for (String path : doc.parameters().keySet()) {
            if (resolve(schema, schema, path) == null) {
                undeclared.add(path);
            }
        }
        assertThat(undeclared).as("values missing from values.schema.json").isEmpty();
    }

    @Test
    void theSchemaDeclaresNothingValuesYamlLacks() throws IOException {
        JsonObject schema = schema();
        List<String> extra = new ArrayList<>();
        collectExtra(schema, schema, "", doc.values(), extra);
        assertThat(extra).as("values.schema.json properties that values.yaml does not have").isEmpty();
    }

    @Test
    void theSchemaIsStrictForTheChartsOwnSections() throws IOException {
        JsonObject schema = schema();
        assertThat(schema.get("additionalProperties").getAsBoolean()).isFalse();
        for (String section : List.of("kafka", "postgresql", "auth", "ingress", "networkPolicy", "metrics",
                "collector", "rules", "alert", "query")) {
            assertThat(resolve(schema, schema, section).get("additionalProperties").getAsBoolean()).as(section).isFalse();
        }
    }

    @SuppressWarnings("unchecked")
    private void collectExtra(JsonObject root, JsonObject node, String prefix, Object values, List<String> extra) {
        JsonObject properties = deref(root, node).getAsJsonObject("properties");
        if (properties == null) {
            return;
        }
        for (String key : properties.keySet()) {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            Object value = values instanceof Map<?, ?> map ? map.get(key) : null;
            if (!(values instanceof Map<?, ?> map) || !map.containsKey(key)) {
                extra.add(path);
            } else if (!doc.parameters().containsKey(path)) {
                collectExtra(root, properties.getAsJsonObject(key), path, value, extra);
            }
        }
    }

    private static JsonObject resolve(JsonObject root, JsonObject node, String path) {
        JsonObject current = node;
        for (String key : splitPath(path)) {
            JsonObject properties = deref(root, current).getAsJsonObject("properties");
            if (properties == null || !properties.has(key)) {
                return null;
            }
            current = properties.getAsJsonObject(key);
        }
        return deref(root, current);
    }

    /** Splits a dotted values path; keys of documented maps never contain dots at the section level. */
    private static List<String> splitPath(String path) {
        return List.of(path.split("\\."));
    }

    private static JsonObject deref(JsonObject root, JsonObject node) {
        JsonElement ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        String name = ref.getAsString().substring("#/definitions/".length());
        return root.getAsJsonObject("definitions").getAsJsonObject(name);
    }

    private static JsonObject schema() throws IOException {
        return JsonParser.parseString(Files.readString(Chart.DIR.resolve("values.schema.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }
}
