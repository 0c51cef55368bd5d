package io.trailwatch.rules.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.rules.engine.rule.RuleSet;
import io.trailwatch.rules.engine.testing.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark honest: the mix is valid CloudTrail-shaped JSON, mostly benign, with few matches. */
class EventMixTest {

    @Test
    void mixIsRealisticAndDeterministic() {
        List<byte[]> records = EventMix.generate(5_000, 1L);
        RuleSet rules = RuleSet.builtin();
        int matching = 0;
        int denied = 0;
        long bytes = 0;
        for (byte[] raw : records) {
            JsonNode record = Json.parse(new String(raw, StandardCharsets.UTF_8));
            assertThat(record.path("eventID").isTextual()).isTrue();
            assertThat(record.path("eventName").isTextual()).isTrue();
            bytes += raw.length;
            if (record.has("errorCode")) {
                denied++;
            }
            if (!rules.match(record).isEmpty()) {
                matching++;
            }
        }
        assertThat(bytes / records.size()).isBetween(1000L, 2500L);
        assertThat(denied * 100 / records.size()).isBetween(4, 10);
        assertThat(matching * 100 / records.size()).isBetween(3, 12);
        assertThat(EventMix.generate(10, 1L)).usingRecursiveComparison().isEqualTo(EventMix.generate(10, 1L));
    }
}
