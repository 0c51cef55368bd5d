package io.trailwatch.alert.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookTemplatesTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final WebhookTemplates templates = new WebhookTemplates(mapper);
    private final Map<String, Object> data = Map.of("title", "a \"quoted\" title\n", "findings",
            List.of(Map.of("findingId", "f-1", "summary", "x\"}, \"evil\": {\"")), "counts", Map.of("firing", 1));

    @Test
    void valuesAreJsonEscapedSoTheyCannotBreakOutOfAString() throws Exception {
        String out = templates.render("""
                {"text": "{title}", "items": [{#each findings}"{it.summary}"{#if it_hasNext},{/if}{/each}]}""",
                "application/json", data);
        var json = mapper.readTree(out);
        assertThat(json.get("text").asText()).isEqualTo("a \"quoted\" title\n");
        assertThat(json.get("items").get(0).asText()).isEqualTo("x\"}, \"evil\": {\"");
        assertThat(json.has("evil")).isFalse();
    }

    @Test
    void jsonAndRawWriteValuesAsTheyAre() throws Exception {
        String out = templates.render("{\"findings\": {findings.json}, \"n\": {counts.firing.raw}}", "application/json",
                data);
        assertThat(mapper.readTree(out).get("findings").get(0).get("findingId").asText()).isEqualTo("f-1");
        assertThat(mapper.readTree(out).get("n").asInt()).isEqualTo(1);
    }

    @Test
    void otherContentTypesAreNotEscaped() {
        assertThat(templates.render("{title}", "text/plain", data)).isEqualTo("a \"quoted\" title\n");
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertThatThrownBy(() -> templates.render("{#each findings}\n{it.nope}{/each}", "text/plain", data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the template failed")
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> templates.render("{#if}", "text/plain", data))
                .hasMessageContaining("the template cannot be parsed");
        assertThatThrownBy(() -> templates.validate("{\"a\": {title}}", "application/json", data))
                .hasMessageContaining("does not produce valid JSON");
    }
}
