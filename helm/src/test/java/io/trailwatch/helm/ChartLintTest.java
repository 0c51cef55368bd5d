package io.trailwatch.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `helm lint --strict`: no error and no warning, with the default values and with the production example. */
class ChartLintTest {

    @Test
    void defaultValuesLintCleanly() {
        LintResult result = Chart.lint(Chart.DIR);

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void productionValuesLintCleanly() {
        Path chart = Chart.withMergedValues(Chart.PRODUCTION_VALUES, "production-lint");

        LintResult result = Chart.lint(chart);

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void lintCatchesAValuesFileTheSchemaRefuses() {
        Path chart = Chart.withMergedValues(Path.of("src/test/resources/values/wrong-type.yaml"), "wrong-type-lint");

        LintResult result = Chart.lint(chart);

        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("replicaCount");
    }
}
