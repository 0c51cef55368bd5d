package io.trailwatch.rules.engine.outlier;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.contracts.Category;
import io.trailwatch.contracts.Severity;
import io.trailwatch.rules.engine.rule.RuleLoadError;
import io.trailwatch.rules.engine.rule.RuleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorFilesTest {

    private static final Set<String> RULES = Set.of("cis-console-auth-failures", "cis-unauthorized-api-calls");

    private static final String CUSTOM = """
            id: outlier-unauthorized-calls-per-principal
            title: "Outlier: unauthorized API calls per principal"
            severity: low
            rule: cis-unauthorized-api-calls
            groupBy: principal
            timeslice: 1h
            seasonal: true
            window: 4
            """;

    @TempDir
    Path dir;

    @Test
    void builtinFailedLoginDetector() {
        DetectorFiles.Result result = DetectorFiles.load(null, RULES);
        assertThat(result.errors()).isEmpty();
        DetectorDefinition d = result.detectors().stream().filter(x -> x.id().equals("outlier-console-auth-failures"))
                .findFirst().orElseThrow();
        assertThat(d.ruleId()).isEqualTo("cis-console-auth-failures");
        assertThat(d.groupBy().field()).isEqualTo("accountId");
        assertThat(d.parameters().minCount()).isEqualTo(3);
        assertThat(d.parameters().window()).isEqualTo(10);
        assertThat(d.parameters().threshold()).isEqualTo(3.0);
        assertThat(d.parameters().consecutive()).isEqualTo(1);
        assertThat(d.parameters().direction()).isEqualTo(Direction.UP);
        assertThat(d.parameters().timeslice()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.parameters().seasonal()).isFalse();
        assertThat(d.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(d.category()).isEqualTo(Category.OUTLIER);
        assertThat(d.enabled()).isTrue();
        assertThat(d.source()).isEqualTo(RuleSource.BUILTIN);
        assertThat(d.description()).isNotBlank();
    }

    @Test
    void customDetectorsWithDefaultsForWhatTheyLeaveOut() throws IOException {
        Files.writeString(dir.resolve("principal.yml"), CUSTOM);
        DetectorFiles.Result result = DetectorFiles.load(dir, RULES);
        assertThat(result.errors()).isEmpty();
        DetectorDefinition d = result.detectors().stream().filter(x -> x.source() == RuleSource.CUSTOM)
                .findFirst().orElseThrow();
        assertThat(d.parameters().seasonal()).isTrue();
        assertThat(d.parameters().window()).isEqualTo(4);
        assertThat(d.parameters().threshold()).isEqualTo(3.0);
        assertThat(d.parameters().direction()).isEqualTo(Direction.BOTH);
        assertThat(d.parameters().minCount()).isZero();
        assertThat(d.origin()).isEqualTo(dir.resolve("principal.yml").toString());
    }

    @Test
    void brokenDetectorsAreReportedAndSkipped() throws IOException {
        Files.writeString(dir.resolve("a.yml"), CUSTOM.replace("cis-unauthorized-api-calls", "no-such-rule"));
        Files.writeString(dir.resolve("b.yml"), CUSTOM.replace("outlier-unauthorized-calls-per-principal",
                "outlier-console-auth-failures"));
        Files.writeString(dir.resolve("c.yml"), CUSTOM.replace("window: 4", "window: 0"));
        Files.writeString(dir.resolve("d.yml"), CUSTOM.replace("timeslice: 1h", "timeslice: 5m"));
        Files.writeString(dir.resolve("e.yml"), CUSTOM + "treshold: 2\n");
        Files.writeString(dir.resolve("f.yml"), CUSTOM.replace("outlier-unauthorized-calls-per-principal", "spike"));
        Files.writeString(dir.resolve("g.yml"), CUSTOM.replace("groupBy: principal", "groupBy: a..b"));
        Files.writeString(dir.resolve("h.yml"), CUSTOM.replace("window: 4", "window: four"));
        Files.writeString(dir.resolve("i.yml"), "id: [");
        DetectorFiles.Result result = DetectorFiles.load(dir, RULES);
        assertThat(result.detectors()).extracting(DetectorDefinition::id).containsExactly("outlier-console-auth-failures");
        assertThat(result.errors()).extracting(e -> e.message().lines().findFirst().orElse("")).containsExactlyInAnyOrder(
                "field 'rule': no rule with id 'no-such-rule' is loaded",
                "duplicate detector id 'outlier-console-auth-failures': already defined by "
                        + "builtin:detectors/outlier-console-auth-failures.yml",
                "invalid parameters: window must be at least 1, was 0",
                "invalid parameters: a seasonal baseline needs a timeslice of at least 1h that divides one week "
                        + "(1h, 2h, 3h, 4h, 6h, 8h, 12h, 1d, ...), was 5m",
                "unknown field 'treshold' (expected one of id, title, severity, description, rule, groupBy, timeslice, "
                        + "window, threshold, consecutive, direction, minCount, seasonal, enabled)",
                "field 'id': expected a detector id starting with 'outlier-' (lowercase letters, digits and single "
                        + "hyphens), found 'spike'",
                "field 'groupBy': invalid group-by field 'a..b': expected accountId, principal, sourceIPAddress, "
                        + "region, userName, eventName, eventSource or a record path such as userIdentity.arn",
                "field 'window': expected a whole number, found 'four'",
                "not valid YAML at line 1, column 6: while parsing a flow node");
    }

    @Test
    void missingDirectoryIsReported() {
        DetectorFiles.Result result = DetectorFiles.load(dir.resolve("nope"), RULES);
        assertThat(result.errors()).extracting(RuleLoadError::message)
                .containsExactly("custom detectors directory does not exist");
        assertThat(result.detectors()).hasSize(1);
    }
}
