package io.trailwatch.rules.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.contracts.Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped CIS pack: complete, self-consistent, and every embedded test passes. */
class BuiltinPackTest {

    static final List<String> CIS_RULE_IDS = List.of("cis-unauthorized-api-calls", "cis-console-signin-without-mfa",
            "cis-root-account-usage", "cis-iam-policy-changes", "cis-cloudtrail-config-changes",
            "cis-console-auth-failures", "cis-cmk-disable-or-deletion", "cis-s3-bucket-policy-changes",
            "cis-aws-config-changes", "cis-security-group-changes", "cis-nacl-changes", "cis-network-gateway-changes",
            "cis-route-table-changes", "cis-vpc-changes", "cis-organizations-changes");

    private final RuleFiles.Result pack = RuleFiles.builtin();

    @Test
    void loadsWithoutErrors() {
        assertThat(pack.errors()).isEmpty();
        assertThat(pack.rules()).extracting(RuleDefinition::id).containsAll(CIS_RULE_IDS);
    }

    @Test
    void everyEmbeddedTestPasses() {
        List<RuleTestResult> results = pack.rules().stream().flatMap(r -> RuleTests.run(r).stream()).toList();
        assertThat(results).hasSizeGreaterThan(100);
        assertThat(results.stream().filter(r -> !r.passed()).map(RuleTestResult::describe)).isEmpty();
    }

    @Test
    void everyRuleHasTruePositivesAndNearMissesAndItsMetadata() {
        for (RuleDefinition rule : pack.rules()) {
            assertThat(rule.tests()).as(rule.id()).anyMatch(RuleTestCase::expected).anyMatch(t -> !t.expected());
            assertThat(rule.description()).as(rule.id()).isNotBlank();
            assertThat(rule.remediation()).as(rule.id()).isNotBlank();
            assertThat(rule.source()).isEqualTo(RuleSource.BUILTIN);
            assertThat(rule.origin()).isEqualTo("builtin:rules/cis/" + rule.id() + ".yml");
            assertThat(rule.category()).isIn(Category.ACCESS, Category.CONFIGURATION_CHANGE);
            for (RuleTestCase test : rule.tests()) {
                assertThat(test.event().path("eventID").isTextual()).as("%s / %s has an eventID", rule.id(), test.name())
                        .isTrue();
                assertThat(test.event().path("eventTime").isTextual()).isTrue();
            }
        }
    }

    @Test
    void everyCisRuleIsEnabledAndEveryTunedVariantDisabledAndLabelled() {
        for (RuleDefinition rule : pack.rules()) {
            if (CIS_RULE_IDS.contains(rule.id())) {
                assertThat(rule.enabled()).as(rule.id()).isTrue();
                assertThat(rule.variant()).as(rule.id()).isNull();
            } else {
                assertThat(rule.id()).endsWith("-tuned");
                assertThat(rule.enabled()).as(rule.id()).isFalse();
                assertThat(rule.variant()).isEqualTo("tuned");
                assertThat(rule.title()).endsWith("(tuned)");
                assertThat(CIS_RULE_IDS).contains(rule.basedOn());
            }
        }
        assertThat(pack.rules()).extracting(RuleDefinition::id).contains("cis-console-signin-without-mfa-tuned",
                "cis-root-account-usage-tuned");
    }

    @Test
    void cisReferencesFollowTheRenumbering() {
        RuleDefinition mfa = rule("cis-console-signin-without-mfa");
        assertThat(mfa.cisReferences()).containsEntry("v1.2.0", "3.2").containsEntry("v1.4.0", "4.2")
                .containsEntry("v5.0.0", "4.2").containsEntry("v6.0.0", "5.2").containsEntry("v7.0.0", "5.2")
                .hasSize(CisVersion.KNOWN.size());
        assertThat(rule("cis-security-group-changes").cisReferences()).containsEntry("v4.0.1", "4.10")
                .containsEntry("v6.0.0", "5.10");
        Map<String, String> orgs = rule("cis-organizations-changes").cisReferences();
        assertThat(orgs).doesNotContainKey("v1.2.0").containsEntry("v1.3.0", "4.15").containsEntry("v6.0.0", "5.15");
    }

    @Test
    void versionSpecificPatternsAreTheBenchmarkTexts() {
        RuleDefinition unauthorized = rule("cis-unauthorized-api-calls");
        assertThat(source(unauthorized, "v1.2.0"))
                .isEqualTo("{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }");
        assertThat(source(unauthorized, "v1.4.0")).contains("|| ($.eventName!=\"HeadBucket\")");
        assertThat(source(unauthorized, "v3.0.0")).contains("&& ($.eventName!=\"HeadBucket\")");
        assertThat(source(unauthorized, "v6.0.0")).startsWith("{ ($.errorCode=\"*UnauthorizedOperation\")");
        RuleDefinition sg = rule("cis-security-group-changes");
        assertThat(source(sg, "v4.0.1")).doesNotContain("ModifySecurityGroupRules");
        assertThat(source(sg, "v5.0.0")).contains("ModifySecurityGroupRules");
        assertThat(source(rule("cis-console-signin-without-mfa"), "v6.0.0")).contains("MFAUsed !=\"Yes\"");
        assertThat(rule("cis-organizations-changes").patternFor(CisVersion.parse("v1.2.0"))).isEmpty();
    }

    @Test
    void theIndexListsEveryRuleFileInTheSourceTree() throws IOException {
        Path dir = Path.of("src/main/resources/rules/cis");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> onDisk = files.map(p -> "rules/cis/" + p.getFileName()).sorted().toList();
            List<String> loaded = pack.rules().stream().map(r -> r.origin().substring("builtin:".length()))
                    .sorted().toList();
            assertThat(loaded).isEqualTo(onDisk);
        }
    }

    private RuleDefinition rule(String id) {
        return pack.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static String source(RuleDefinition rule, String version) {
        return rule.patternFor(CisVersion.parse(version)).orElseThrow().source();
    }
}
