package io.trailwatch.rules.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.rules.engine.testing.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetTest {

    private static final JsonNode STOP_LOGGING = Json.parse("""
            {"eventID": "e-1", "eventName": "StopLogging", "eventSource": "cloudtrail.amazonaws.com",
             "userIdentity": {"type": "Root"}, "eventType": "AwsApiCall"}""");
    private static final JsonNode DESCRIBE = Json.parse("""
            {"eventID": "e-2", "eventName": "DescribeInstances", "eventSource": "ec2.amazonaws.com",
             "userIdentity": {"type": "IAMUser"}, "eventType": "AwsApiCall", "sourceIPAddress": "203.0.113.1"}""");

    @TempDir
    Path dir;

    @Test
    void builtinDefaultsToTheNewestBenchmarkWithEveryCisRuleEnabled() {
        RuleSet rules = RuleSet.builtin();
        assertThat(rules.cisVersion()).isEqualTo(CisVersion.LATEST);
        assertThat(rules.loadErrors()).isEmpty();
        assertThat(rules.rules()).extracting(Rule::id).isSorted().containsAll(BuiltinPackTest.CIS_RULE_IDS);
        assertThat(rules.rules().stream().filter(Rule::enabled).map(Rule::id).toList())
                .containsExactlyInAnyOrderElementsOf(BuiltinPackTest.CIS_RULE_IDS);
        Rule mfa = rules.rule("cis-console-signin-without-mfa").orElseThrow();
        assertThat(mfa.pattern().source()).contains("MFAUsed !=\"Yes\"");
        assertThat(mfa.source()).isEqualTo(RuleSource.BUILTIN);
        assertThat(mfa.cis()).containsEntry("v6.0.0", "5.2");
        assertThat(mfa.title()).isEqualTo("Console sign-in without MFA");
        assertThat(rules.rule("cis-root-account-usage-tuned").orElseThrow().enabled()).isFalse();
    }

    @Test
    void matchReturnsEnabledMatchesSortedById() {
        RuleSet rules = RuleSet.builtin();
        assertThat(rules.match(STOP_LOGGING)).extracting(Rule::id)
                .containsExactly("cis-cloudtrail-config-changes", "cis-root-account-usage");
        assertThat(rules.match(DESCRIBE)).isEmpty();
        assertThat(rules.match(Json.parse("[1, 2]"))).isEmpty();
        assertThat(rules.match(Json.parse("\"text\""))).isEmpty();
    }

    @Test
    void olderBenchmarkVersionsUseTheirOwnPatterns() {
        RuleSet v14 = RuleSet.load(RuleSetOptions.defaults().withCisVersion(CisVersion.parse("v1.4.0")));
        // The v1.3.0-v1.5.0 pattern joins its exclusions with ||, so it matches a successful call.
        assertThat(v14.match(DESCRIBE)).extracting(Rule::id).containsExactly("cis-unauthorized-api-calls");
        RuleSet v12 = RuleSet.load(RuleSetOptions.defaults().withCisVersion(CisVersion.parse("v1.2.0")));
        assertThat(v12.rule("cis-organizations-changes")).isEmpty();
        assertThat(v12.rules()).hasSize(RuleSet.builtin().rules().size() - 1);
        assertThat(v12.match(DESCRIBE)).isEmpty();
    }

    @Test
    void operatorOverridesEnableAndDisableRules() {
        RuleSet rules = RuleSet.load(RuleSetOptions.defaults()
                .withEnabled(Set.of("cis-root-account-usage-tuned", "no-such-rule"))
                .withDisabled(Set.of("cis-cloudtrail-config-changes")));
        assertThat(rules.match(STOP_LOGGING)).extracting(Rule::id)
                .containsExactly("cis-root-account-usage", "cis-root-account-usage-tuned");
        assertThat(rules.loadErrors()).singleElement().satisfies(e -> {
            assertThat(e.ruleId()).isEqualTo("no-such-rule");
            assertThat(e.message()).isEqualTo("enable: no rule with id 'no-such-rule' was loaded");
        });
    }

    @Test
    void customRulesLoadNextToTheBuiltinPack() throws IOException {
        write("tor.yml", RuleFileParserTest.MINIMAL);
        RuleSet rules = RuleSet.load(RuleSetOptions.defaults().withCustomDir(dir));
        assertThat(rules.loadErrors()).isEmpty();
        Rule custom = rules.rule("acme-console-login-from-tor").orElseThrow();
        assertThat(custom.source()).isEqualTo(RuleSource.CUSTOM);
        assertThat(custom.origin()).isEqualTo(dir.resolve("tor.yml").toString());
        JsonNode login = Json.parse("""
                {"eventName": "ConsoleLogin", "sourceIPAddress": "185.220.101.4",
                 "additionalEventData": {"MFAUsed": "Yes"}}""");
        assertThat(rules.match(login)).extracting(Rule::id).containsExactly("acme-console-login-from-tor");
    }

    @Test
    void brokenCustomRulesAreReportedAndSkippedWithoutStoppingTheOthers() throws IOException {
        write("a-good.yml", RuleFileParserTest.MINIMAL);
        write("b-bad-yaml.yml", "id: [unclosed\n");
        write("c-bad-pattern.yaml", RuleFileParserTest.MINIMAL.replace("acme-console-login-from-tor", "acme-bad")
                .replace("ConsoleLogin &&", "ConsoleLogin & "));
        write("d-duplicate-of-builtin.yml", RuleFileParserTest.MINIMAL.replace("acme-console-login-from-tor",
                "cis-root-account-usage"));
        write("e-duplicate-of-custom.yml", RuleFileParserTest.MINIMAL);
        write("f-failing-test.yml", RuleFileParserTest.MINIMAL.replace("acme-console-login-from-tor", "acme-failing")
                + "tests:\n  - name: tor login\n    expected: true\n    event: {\"eventName\": \"ConsoleLogin\", "
                + "\"sourceIPAddress\": \"10.0.0.1\"}\n");
        write("notes.txt", "not a rule");
        write(".hidden.yml", "id: [broken");
        Files.createDirectory(dir.resolve("sub.yml"));

        RuleSet rules = RuleSet.load(RuleSetOptions.defaults().withCustomDir(dir));

        assertThat(rules.rule("acme-console-login-from-tor")).isPresent();
        assertThat(rules.rule("cis-root-account-usage").orElseThrow().source()).isEqualTo(RuleSource.BUILTIN);
        assertThat(rules.rule("acme-bad")).isEmpty();
        assertThat(rules.rule("acme-failing")).isEmpty();
        List<String> errors = rules.loadErrors().stream().map(RuleLoadError::toString).toList();
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0)).startsWith(dir.resolve("b-bad-yaml.yml") + ": not valid YAML at line 1");
        assertThat(errors.get(1)).startsWith(dir.resolve("c-bad-pattern.yaml")
                + ": field 'pattern': invalid filter pattern at column 30: expected '&&'");
        assertThat(errors.get(2)).isEqualTo(dir.resolve("d-duplicate-of-builtin.yml")
                + ": duplicate rule id 'cis-root-account-usage': already defined by builtin:rules/cis/"
                + "cis-root-account-usage.yml");
        assertThat(errors.get(3)).isEqualTo(dir.resolve("e-duplicate-of-custom.yml")
                + ": duplicate rule id 'acme-console-login-from-tor': already defined by " + dir.resolve("a-good.yml"));
        assertThat(errors.get(4)).isEqualTo(dir.resolve("f-failing-test.yml") + ": embedded test failed: FAIL "
                + "acme-failing [all] test 'tor login': expected a match, got no match (" + dir.resolve("f-failing-test.yml")
                + ")");
        assertThat(rules.loadErrors().get(2).ruleId()).isEqualTo("cis-root-account-usage");
    }

    @Test
    void aMissingCustomDirectoryIsAnErrorNotACrash() {
        RuleSet rules = RuleSet.load(RuleSetOptions.defaults().withCustomDir(dir.resolve("missing")));
        assertThat(rules.loadErrors()).extracting(RuleLoadError::message)
                .containsExactly("custom rules directory does not exist");
        assertThat(rules.rules()).isNotEmpty();
    }

    @Test
    void oversizedRuleFilesAreRefused() throws IOException {
        write("huge.yml", "# " + "x".repeat((int) RuleFiles.MAX_FILE_BYTES) + "\n" + RuleFileParserTest.MINIMAL);
        RuleSet rules = RuleSet.load(RuleSetOptions.defaults().withCustomDir(dir).withBuiltin(false));
        assertThat(rules.rules()).isEmpty();
        assertThat(rules.loadErrors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("rule files are limited to " + RuleFiles.MAX_FILE_BYTES + " bytes"));
    }

    @Test
    void indexedDispatchGivesTheSameResultsAsTestingEveryRule() {
        RuleFiles.Result pack = RuleFiles.builtin();
        Set<String> all = pack.rules().stream().map(RuleDefinition::id).collect(Collectors.toSet());
        List<JsonNode> events = new ArrayList<>();
        pack.rules().forEach(r -> r.tests().forEach(t -> events.add(t.event())));
        for (CisVersion version : CisVersion.KNOWN) {
            RuleSet rules = RuleSet.load(RuleSetOptions.defaults().withCisVersion(version).withEnabled(all));
            for (JsonNode event : events) {
                List<String> expected = rules.rules().stream().filter(r -> r.matches(event)).map(Rule::id).toList();
                assertThat(rules.match(event)).extracting(Rule::id).as("%s %s", version, event.get("eventID"))
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void evaluatesACloudTrailFileRecordByRecord() throws IOException {
        String file = "{\"Records\": [" + STOP_LOGGING + "," + DESCRIBE + ", {\"eventName\": \"StopLogging\"}]}";
        List<RecordEvaluation> results = new ArrayList<>();
        long count = RuleSet.builtin().evaluate(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                "upload.json", 1_000_000, results::add);
        assertThat(count).isEqualTo(3);
        assertThat(results).extracting(RecordEvaluation::index).containsExactly(0L, 1L, 2L);
        assertThat(results).extracting(RecordEvaluation::eventID).containsExactly("e-1", "e-2", null);
        assertThat(results.get(0).ruleIds()).containsExactly("cis-cloudtrail-config-changes", "cis-root-account-usage");
        assertThat(results.get(1).ruleIds()).isEmpty();
        assertThat(results.get(2).ruleIds()).containsExactly("cis-cloudtrail-config-changes");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
