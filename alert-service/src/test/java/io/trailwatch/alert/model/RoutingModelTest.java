package io.trailwatch.alert.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.contracts.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingModelTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void durationsParseTheApiFormsAndSayWhatIsWrong() {
        assertThat(Durations.parse("groupWait", "0s")).isZero();
        assertThat(Durations.parse("groupWait", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("groupInterval", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("repeatInterval", "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("x", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ofHours(4))).isEqualTo("4h");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThatThrownBy(() -> Durations.parse("groupWait", "5 minutes"))
                .hasMessage("'groupWait' must be a duration such as 0s, 30s, 5m or 4h, got '5 minutes'");
        assertThatThrownBy(() -> Durations.parse("groupWait", "-1s")).hasMessageContaining("'-1s'");
        assertThatThrownBy(() -> Durations.parse("groupWait", "99999999999999999999s")).hasMessageContaining("too long");
    }

    @Test
    void routeMatchUsesMinimumSeverityIncludesExcludesAndGlobs() {
        RouteMatch match = new RouteMatch(Severity.HIGH, new ValueFilter(List.of("cis-*"), List.of("cis-vpc-changes")),
                ValueFilter.ANY, new ValueFilter(List.of(), List.of("999999999999")),
                new ValueFilter(List.of("us-*"), List.of()));
        assertThat(match.matches(finding("cis-root-account-usage", "high", "111122223333", "us-east-1"))).isTrue();
        assertThat(match.matches(finding("cis-root-account-usage", "medium", "111122223333", "us-east-1"))).isFalse();
        assertThat(match.matches(finding("cis-vpc-changes", "critical", "111122223333", "us-east-1"))).isFalse();
        assertThat(match.matches(finding("outlier-x", "critical", "111122223333", "us-east-1"))).isFalse();
        assertThat(match.matches(finding("cis-root-account-usage", "high", "999999999999", "us-east-1"))).isFalse();
        assertThat(match.matches(finding("cis-root-account-usage", "high", "111122223333", "eu-west-1"))).isFalse();
    }

    @Test
    void groupKeysAreStablePerRouteAndLabelsAndPerFindingWithoutGrouping() {
        Route byRule = route(List.of(FindingField.RULE_ID, FindingField.ACCOUNT_ID));
        FindingFacts a = finding("cis-root-account-usage", "high", "111122223333", "us-east-1");
        FindingFacts b = finding("cis-root-account-usage", "low", "111122223333", "eu-west-1");
        assertThat(byRule.groupKey(a)).isEqualTo(byRule.groupKey(b)).startsWith("tw-").hasSize(23);
        assertThat(byRule.groupLabels(a)).containsExactly(Map.entry("ruleId", "cis-root-account-usage"),
                Map.entry("accountId", "111122223333"));
        assertThat(byRule.groupKey(a)).isEqualTo(GroupKey.of("r", Map.of("accountId", "111122223333",
                "ruleId", "cis-root-account-usage")));
        Route perFinding = route(List.of());
        FindingFacts c = FindingFacts.of(((ObjectNode) a.json()).deepCopy().put("findingId", "f-2"));
        assertThat(perFinding.groupKey(a)).isNotEqualTo(perFinding.groupKey(c));
        assertThat(perFinding.groupLabels(a)).isEmpty();
    }

    @Test
    void silenceMatchersCompareFieldsExactlyOrByWholeRegex() {
        FindingFacts f = finding("cis-root-account-usage", "high", "111122223333", "us-east-1");
        assertThat(SilenceMatcher.of("m", FindingField.ACCOUNT_ID, "=", "111122223333").matches(f)).isTrue();
        assertThat(SilenceMatcher.of("m", FindingField.ACCOUNT_ID, "!=", "111122223333").matches(f)).isFalse();
        assertThat(SilenceMatcher.of("m", FindingField.RULE_ID, "=~", "cis-root.*").matches(f)).isTrue();
        assertThat(SilenceMatcher.of("m", FindingField.RULE_ID, "=~", "root").matches(f)).isFalse();
        assertThat(SilenceMatcher.of("m", FindingField.COUNTRY, "!~", "J.").matches(f)).isFalse();
        assertThatThrownBy(() -> SilenceMatcher.of("matchers[0]", FindingField.RULE_ID, "=~", "(x"))
                .hasMessageContaining("'matchers[0].value' is not a valid regular expression");
        assertThatThrownBy(() -> SilenceMatcher.of("matchers[0]", FindingField.RULE_ID, "~", "x"))
                .hasMessageContaining("'matchers[0].op' must be one of =, !=, =~, !~");
    }

    @Test
    void findingsWithoutIdOrSeverityAreRefused() {
        assertThatThrownBy(() -> FindingFacts.of(MAPPER.createObjectNode().put("severity", "high")))
                .hasMessageContaining("no findingId");
        assertThatThrownBy(() -> FindingFacts.of(MAPPER.createObjectNode().put("findingId", "f-1").put("severity", "x")))
                .hasMessageContaining("f-1").hasMessageContaining("unknown severity");
    }

    private static Route route(List<FindingField> groupBy) {
        return new Route("r", 10, RouteMatch.ALL, List.of("c"), groupBy, Duration.ZERO, Duration.ofMinutes(5),
                Duration.ZERO, false);
    }

    private static FindingFacts finding(String rule, String severity, String account, String region) {
        ObjectNode json = MAPPER.createObjectNode().put("findingId", "f-1").put("ruleId", rule)
                .put("severity", severity).put("accountId", account).put("region", region)
                .put("title", "t");
        json.putObject("geo").put("country", "JP");
        return FindingFacts.of(json);
    }
}
