package io.trailwatch.rules.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.trailwatch.rules.engine.outlier.DetectorDefinition;
import io.trailwatch.rules.engine.rule.CisVersion;
import io.trailwatch.rules.engine.rule.Rule;
import io.trailwatch.rules.engine.rule.RuleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCatalogTest {

    static final String DETECTOR = """
            id: outlier-root-usage
            title: "Outlier: root usage"
            severity: high
            rule: cis-root-account-usage
            groupBy: principal
            timeslice: 1h
            """;

    @Test
    void builtinCatalogHasTheCisPackAndTheFailedSignInDetector() {
        RuleCatalog catalog = RuleCatalog.builtin();
        assertThat(catalog.rules().cisVersion()).isEqualTo(CisVersion.LATEST);
        assertThat(catalog.rules().rules()).extracting(Rule::id).contains("cis-root-account-usage",
                "cis-console-auth-failures", "cis-root-account-usage-tuned");
        assertThat(catalog.activeDetectors()).extracting(DetectorDefinition::id)
                .containsExactly("outlier-console-auth-failures");
        assertThat(catalog.loadErrors()).isEmpty();
    }

    @Test
    void customRulesAndDetectorsLoadAndBrokenOnesAreReportedAndSkipped(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken-rule.yml"), "id: [not, a, slug]\n");
        Path detectors = Files.createDirectories(dir.resolve("detectors"));
        Files.writeString(detectors.resolve("root.yml"), DETECTOR);
        Files.writeString(detectors.resolve("broken.yml"), "id: outlier-broken\ntitle: x\nseverity: loud\nrule: x\n");

        RuleCatalog catalog = new RuleCatalog(Optional.empty(), Optional.of(dir), Optional.empty(), Set.of(), Set.of());

        assertThat(catalog.activeDetectors()).extracting(DetectorDefinition::id)
                .containsExactly("outlier-console-auth-failures", "outlier-root-usage");
        assertThat(catalog.detector("outlier-root-usage").orElseThrow().source()).isEqualTo(RuleSource.CUSTOM);
        assertThat(catalog.loadErrors()).hasSize(2);
        assertThat(catalog.loadErrors()).anySatisfy(e -> assertThat(e.file()).endsWith("broken-rule.yml"));
        assertThat(catalog.loadErrors()).anySatisfy(e -> {
            assertThat(e.file()).endsWith("broken.yml");
            assertThat(e.message()).contains("severity");
        });
    }

    @Test
    void enableAndDisableNameRulesAndDetectorsAndUnknownIdsAreReported() {
        RuleCatalog catalog = new RuleCatalog(Optional.of("v1.4.0"), Optional.empty(), Optional.empty(),
                Set.of("cis-root-account-usage-tuned", "outlier-nope"),
                Set.of("outlier-console-auth-failures", "cis-vpc-changes"));

        assertThat(catalog.rules().cisVersion().toString()).isEqualTo("v1.4.0");
        assertThat(catalog.rules().rule("cis-root-account-usage-tuned").orElseThrow().enabled()).isTrue();
        assertThat(catalog.rules().rule("cis-vpc-changes").orElseThrow().enabled()).isFalse();
        assertThat(catalog.activeDetectors()).isEmpty();
        assertThat(catalog.detector("outlier-console-auth-failures").orElseThrow().enabled()).isFalse();
        assertThat(catalog.loadErrors()).singleElement().satisfies(e -> {
            assertThat(e.ruleId()).isEqualTo("outlier-nope");
            assertThat(e.message()).contains("enable: no detector with id 'outlier-nope'");
        });
    }

    @Test
    void anotherBenchmarkVersionCompilesTheSameRulesWithItsPatterns() {
        RuleCatalog catalog = RuleCatalog.builtin();
        assertThat(catalog.rulesFor(CisVersion.parse("v1.2.0")).rule("cis-organizations-changes")).isEmpty();
        assertThat(catalog.rulesFor(CisVersion.LATEST)).isSameAs(catalog.rules());
    }

    @Test
    void anUnknownBenchmarkVersionStopsTheServiceNamingTheKey() {
        assertThatThrownBy(() -> new RuleCatalog(Optional.of("v9"), Optional.empty(), Optional.empty(), Set.of(),
                Set.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("trailwatch.rules.cis-version: unknown CIS benchmark version 'v9'");
    }
}
