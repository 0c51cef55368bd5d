package io.trailwatch.localstack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifyOptionsTest {

    @Test
    void defaultsReplayTheWholeDay() {
        VerifyOptions o = VerifyOptions.parse(List.of());
        assertThat(o.seed()).isEqualTo(42);
        assertThat(o.day()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(o.hours()).isEqualTo(24);
        assertThat(o.dataDir()).isNull();
    }

    @Test
    void optionsAreRead() {
        VerifyOptions o = VerifyOptions.parse(List.of("--seed", "7", "--day", "2026-12-01", "--hours", "6"));
        assertThat(o.seed()).isEqualTo(7);
        assertThat(o.day()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(o.hours()).isEqualTo(6);
    }

    @Test
    void wrongValuesNameTheOption() {
        assertThatThrownBy(() -> VerifyOptions.parse(List.of("--day", "27.11.2026")))
                .hasMessage("verify-scenarios: --day must be a date like 2026-11-27, got '27.11.2026'");
        assertThatThrownBy(() -> VerifyOptions.parse(List.of("--hours", "1")))
                .hasMessage("verify-scenarios: --hours must be 2 to 24, got 1");
        assertThatThrownBy(() -> VerifyOptions.parse(List.of("--hours", "25")))
                .hasMessage("verify-scenarios: --hours must be 2 to 24, got 25");
        assertThatThrownBy(() -> VerifyOptions.parse(List.of("--minutes", "5")))
                .hasMessage("verify-scenarios: unknown option --minutes");
    }
}
