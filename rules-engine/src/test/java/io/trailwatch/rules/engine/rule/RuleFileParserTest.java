package io.trailwatch.rules.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.trailwatch.contracts.Category;
import io.trailwatch.contracts.Severity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The YAML rule format: what it accepts and how it reports what it does not. */
class RuleFileParserTest {

    static final String MINIMAL = """
            id: acme-console-login-from-tor
            title: Console sign-in from a Tor exit node
            severity: high
            category: custom
            pattern: '{ $.eventName = ConsoleLogin && $.sourceIPAddress = "185.220.101.*" }'
            """;

    private static RuleDefinition parse(String yaml) throws InvalidRuleException {
        return RuleFileParser.parse("/rules/x.yml", RuleSource.CUSTOM, yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidRuleException reject(String yaml) {
        return catchThrowableOfType(InvalidRuleException.class, () -> parse(yaml));
    }

    @Test
    void minimalRuleGetsDefaults() throws Exception {
        RuleDefinition rule = parse(MINIMAL);
        assertThat(rule.id()).isEqualTo("acme-console-login-from-tor");
        assertThat(rule.severity()).isEqualTo(Severity.HIGH);
        assertThat(rule.category()).isEqualTo(Category.CUSTOM);
        assertThat(rule.enabled()).isTrue();
        assertThat(rule.description()).isEmpty();
        assertThat(rule.remediation()).isEmpty();
        assertThat(rule.variant()).isNull();
        assertThat(rule.cis()).isEmpty();
        assertThat(rule.cisReferences()).isEmpty();
        assertThat(rule.tests()).isEmpty();
        assertThat(rule.patterns()).singleElement().satisfies(p -> assertThat(p.versions()).isEqualTo(VersionRange.ALL));
        assertThat(rule.patternFor(CisVersion.parse("v1.2.0"))).isPresent();
        assertThat(rule.origin()).isEqualTo("/rules/x.yml");
        assertThat(rule.source()).isEqualTo(RuleSource.CUSTOM);
    }

    @Test
    void fullRuleWithVersionsAndTests() throws Exception {
        RuleDefinition rule = parse("""
                id: acme-sg-changes
                title: SG changes
                severity: medium
                category: configuration-change
                enabled: false
                variant: tuned
                basedOn: cis-security-group-changes
                description: Changes.
                remediation: Revert.
                cis:
                  v1.2.0: "3.10"
                  v1.3.0..v5.0.0: "4.10"
                patterns:
                  v1.2.0..v4.0.1: '{ $.eventName = CreateSecurityGroup }'
                  v5.0.0+: |
                    { $.eventName = CreateSecurityGroup
                      || $.eventName = ModifySecurityGroupRules }
                tests:
                  - name: modify
                    expected: true
                    versions: v5.0.0+
                    event: {"eventName": "ModifySecurityGroupRules"}
                  - name: create
                    expected: true
                    event:
                      eventName: CreateSecurityGroup
                      readOnly: false
                """);
        assertThat(rule.enabled()).isFalse();
        assertThat(rule.variant()).isEqualTo("tuned");
        assertThat(rule.basedOn()).isEqualTo("cis-security-group-changes");
        assertThat(rule.cisReferences()).containsEntry("v1.2.0", "3.10").containsEntry("v5.0.0", "4.10")
                .doesNotContainKey("v6.0.0");
        assertThat(rule.patterns()).hasSize(2);
        assertThat(rule.patternFor(CisVersion.parse("v5.0.0")).orElseThrow().source())
                .isEqualTo("{ $.eventName = CreateSecurityGroup\n  || $.eventName = ModifySecurityGroupRules }");
        assertThat(rule.tests()).extracting(RuleTestCase::name).containsExactly("modify", "create");
        assertThat(rule.tests().get(0).versions()).isEqualTo(VersionRange.parse("v5.0.0+"));
        assertThat(rule.tests().get(1).versions()).isEqualTo(VersionRange.ALL);
        assertThat(rule.tests().get(1).event().get("readOnly").isBoolean()).isTrue();
        assertThat(RuleTests.run(rule)).hasSize(3).allMatch(RuleTestResult::passed);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = " ¦ ", value = {
            "'' ¦ expected a YAML mapping",
            "- a list ¦ expected a YAML mapping",
            "'id: [x' ¦ not valid YAML at line 1",
            "title: t ¦ field 'id' is required",
            "id: Bad_Id ¦ field 'id': 'Bad_Id' is not a rule id",
            "id: {a: b} ¦ field 'id': expected text, found a mapping"})
    void structuralErrors(String yaml, String message) {
        InvalidRuleException e = reject(yaml);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(message);
        assertThat(e.ruleId()).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = " ¦ ", value = {
            "sevrity: high ¦ unknown field 'sevrity' (expected one of id, title, severity",
            "title: ¦ field 'title' is required",
            "severity: urgent ¦ field 'severity': unknown severity 'urgent': expected one of info, low, medium, high, critical",
            "category: misc ¦ field 'category': unknown category 'misc'",
            "enabled: yes please ¦ field 'enabled': expected true or false, found 'yes please'",
            "enabled: yes ¦ field 'enabled': expected true or false, found 'yes'",
            "basedOn: Not An Id ¦ field 'basedOn': 'Not An Id' is not a rule id",
            "cis: [1] ¦ field 'cis': expected a mapping of version range to control",
            "cis: {v1.2.0: 3.1} ¦ field 'cis' (v1.2.0): expected the control as a quoted string such as \"4.10\"",
            "cis: {v1.2.0-v1.5.0: '3.1'} ¦ field 'cis': invalid version range 'v1.2.0-v1.5.0'",
            "cis: {v1.2.0..v2.0.0: '3.1', v2.0.0+: '4.1'} ¦ field 'cis': version ranges v1.2.0..v2.0.0 and v2.0.0+ overlap",
            "pattern: '{ $.a = }' ¦ field 'pattern': invalid filter pattern at column 9: expected a value",
            "pattern: '  ' ¦ field 'pattern': the pattern is blank, which would match every event",
            "pattern: 42 ¦ field 'pattern': expected the filter pattern as a string",
            "patterns: {v1.2.0: '{ $.a = 1 }'} ¦ exactly one of the fields 'pattern'",
            "tests: {name: x} ¦ field 'tests': expected a list of {name, expected, event}",
            "tests: [{expected: true, event: {}}] ¦ tests[1]: field 'name' is required",
            "tests: [{name: a, expected: true, event: {}, log: {}}] ¦ tests[1]: unknown field 'log'",
            "tests: [{name: a, expected: maybe, event: {}}] ¦ test 'a': field 'expected' is required and must be true or false",
            "tests: [{name: a, expected: true}] ¦ test 'a': field 'event' is required and must be a CloudTrail record",
            "tests: [{name: a, expected: true, event: [1]}] ¦ test 'a': field 'event' is required",
            "tests: [{name: a, expected: true, event: {}}, {name: a, expected: false, event: {}}] ¦ test 'a': another test has the same name",
            "tests: [{name: a, expected: true, versions: v9, event: {}}] ¦ test 'a': field 'versions': invalid version range 'v9'"})
    void fieldErrorsNameTheField(String line, String message) {
        String yaml = MINIMAL;
        String key = line.substring(0, line.indexOf(':'));
        yaml = yaml.lines().filter(l -> !l.startsWith(key + ":")).reduce("", (a, b) -> a + b + "\n") + line + "\n";
        InvalidRuleException e = reject(yaml);
        assertThat(e).as(line).isNotNull();
        assertThat(e.getMessage()).startsWith(message);
        assertThat(e.ruleId()).isEqualTo("acme-console-login-from-tor");
    }

    @Test
    void overlappingPatternRangesAndUncoveredTestsAreRejected() {
        String base = MINIMAL.replace("pattern: '{ $.eventName = ConsoleLogin && $.sourceIPAddress = \"185.220.101.*\" }'\n", "");
        assertThat(reject(base + "patterns: {v1.2.0..v3.0.0: '{ $.a = 1 }', v3.0.0+: '{ $.a = 2 }'}\n").getMessage())
                .isEqualTo("field 'patterns': version ranges v1.2.0..v3.0.0 and v3.0.0+ overlap");
        assertThat(reject(base + "patterns: {}\n").getMessage()).startsWith("field 'patterns': expected a mapping");
        assertThat(reject(base + "patterns: {v2.0.0+: '{ $.a = 1 }'}\n"
                + "tests: [{name: old, expected: true, versions: v1.2.0, event: {a: 1}}]\n").getMessage())
                .isEqualTo("test 'old': no pattern of the rule covers versions v1.2.0");
        assertThat(reject(base + "patterns: {v2.0.0+: '{ $.a = }'}\n").getMessage())
                .startsWith("field 'patterns (v2.0.0+)': invalid filter pattern at column 9");
        assertThat(reject(base).getMessage()).startsWith("exactly one of the fields 'pattern'");
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThat(reject(MINIMAL + "severity: low\n").getMessage()).contains("Duplicate field 'severity'");
    }

    @Test
    void yamlScalarsStayStringsWhereCloudTrailHasStrings() throws Exception {
        RuleDefinition rule = parse(MINIMAL + """
                tests:
                  - name: block-style event
                    expected: false
                    event:
                      eventVersion: "1.09"
                      recipientAccountId: "012345678901"
                      additionalEventData:
                        MFAUsed: "No"
                        MobileVersion: No
                """);
        var event = rule.tests().get(0).event();
        assertThat(event.get("eventVersion").isTextual()).isTrue();
        assertThat(event.get("recipientAccountId").textValue()).isEqualTo("012345678901");
        assertThat(event.at("/additionalEventData/MFAUsed").textValue()).isEqualTo("No");
        assertThat(event.at("/additionalEventData/MobileVersion").textValue()).isEqualTo("No");
    }
}
