package io.trailwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.truth.CisRule;
import io.trailwatch.simulator.truth.RuleIds;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GroundTruthTest {

    @Test
    void everyRecordThatMatchesACisPatternIsInTheGroundTruthWithItsRulesAndFile() {
        Generated run = Generated.standardRun();
        Map<String, JsonNode> truth = new HashMap<>();
        for (JsonNode line : run.truthLines("event")) {
            assertThat(truth.put(line.get("eventID").asText(), line)).as("one line per record").isNull();
        }
        Map<String, String> scenarioOf = new HashMap<>();
        for (JsonNode line : run.truthLines("scenario")) {
            line.get("eventIDs").forEach(id -> scenarioOf.put(id.asText(), line.get("run").asText()));
        }

        int matching = 0;
        Set<String> seen = new HashSet<>();
        for (LogFile f : run.files) {
            for (JsonNode r : Generated.records(f)) {
                String id = r.get("eventID").asText();
                seen.add(id);
                List<String> rules = JsonCisMatcher.matches(r);
                JsonNode line = truth.get(id);
                if (rules.isEmpty()) {
                    assertThat(line).as("no ground truth for a record no pattern matches: " + id).isNull();
                    continue;
                }
                matching++;
                assertThat(line).as("ground truth for " + r.get("eventName").asText() + " " + id).isNotNull();
                assertThat(strings(line.get("expectedRules"))).containsExactlyInAnyOrderElementsOf(rules);
                assertThat(line.get("objectKey").asText()).isEqualTo(f.key());
                assertThat(line.get("eventName").asText()).isEqualTo(r.get("eventName").asText());
                assertThat(line.get("recipientAccountId").asText()).isEqualTo(r.get("recipientAccountId").asText());
                assertThat(line.get("eventTime").asText()).isEqualTo(r.get("eventTime").asText());
                String origin = scenarioOf.containsKey(id) ? "scenario" : "background";
                assertThat(line.get("origin").asText()).isEqualTo(origin);
                if (origin.equals("scenario")) {
                    assertThat(line.get("run").asText()).isEqualTo(scenarioOf.get(id));
                } else {
                    assertThat(line.get("run").isNull()).isTrue();
                }
            }
        }
        assertThat(matching).isEqualTo(truth.size());
        assertThat(seen).as("every scenario record was delivered").containsAll(scenarioOf.keySet());
    }

    @Test
    void backgroundBenignChangesAreLabelledToo() {
        Generated run = Generated.standardRun();
        Set<String> backgroundRules = new HashSet<>();
        for (JsonNode line : run.truthLines("event")) {
            if (line.get("origin").asText().equals("background")) {
                backgroundRules.addAll(strings(line.get("expectedRules")));
            }
        }
        assertThat(backgroundRules).contains("cis-unauthorized-api-calls", "cis-console-signin-without-mfa",
                "cis-security-group-changes", "cis-iam-policy-changes");
    }

    @Test
    void scenarioLinesNameTheirRunAccountsRulesAndEvents() {
        Generated run = Generated.standardRun();
        Set<String> knownRules = new HashSet<>(Arrays.stream(CisRule.values()).map(CisRule::id).toList());
        knownRules.add(RuleIds.OUTLIER_CONSOLE_AUTH_FAILURES);
        List<JsonNode> scenarios = run.truthLines("scenario");
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(14 * 6);
        for (JsonNode line : scenarios) {
            assertThat(line.get("run").asText()).startsWith(line.get("scenario").asText() + "#");
            assertThat(line.get("start").asText()).isLessThanOrEqualTo(line.get("end").asText());
            assertThat(line.get("accounts").size()).isPositive();
            assertThat(line.get("eventIDs").size()).isPositive();
            assertThat(knownRules).containsAll(strings(line.get("expectedRules")));
            assertThat(line.get("summary").asText()).isNotBlank();
        }
        JsonNode meta = run.truthLines("meta").get(0);
        assertThat(meta.get("seed").asLong()).isEqualTo(7);
        assertThat(meta.get("accounts").size()).isEqualTo(12);
        assertThat(meta.get("patterns").size()).isEqualTo(CisRule.values().length);
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
