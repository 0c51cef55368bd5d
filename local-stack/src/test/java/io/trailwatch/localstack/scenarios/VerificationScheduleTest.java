package io.trailwatch.localstack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.simulator.scenario.ScenarioLibrary;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationScheduleTest {

    @Test
    void twoHoursHoldOneRoundBetweenWarmUpAndTail() {
        List<ScenarioSchedule.At> runs = VerificationSchedule.runs(Duration.ofHours(2));
        assertThat(runs).hasSize(ScenarioLibrary.all().size());
        assertThat(runs).extracting(ScenarioSchedule.At::scenario).containsExactlyElementsOf(ScenarioLibrary.all());
        assertThat(runs.get(0).offset()).isEqualTo(Duration.ofMinutes(60));
        assertThat(runs.get(runs.size() - 1).offset()).isLessThan(Duration.ofMinutes(85));
    }

    @Test
    void aDayHasARoundEveryHourAfterTheWarmUp() {
        List<ScenarioSchedule.At> runs = VerificationSchedule.runs(Duration.ofHours(24));
        int rounds = runs.size() / ScenarioLibrary.all().size();
        assertThat(rounds).isEqualTo(23);
        assertThat(runs).allSatisfy(at -> {
            assertThat(at.offset()).isGreaterThanOrEqualTo(VerificationSchedule.WARM_UP);
            assertThat(at.offset()).isLessThanOrEqualTo(Duration.ofHours(24).minus(VerificationSchedule.TAIL));
        });
        assertThat(runs.stream().filter(at -> at.scenario().name().equals("console-brute-force")).count())
                .isEqualTo(23);
    }

    @Test
    void aReplayTooShortForOneRoundIsRefused() {
        assertThatThrownBy(() -> VerificationSchedule.runs(Duration.ofMinutes(90)))
                .hasMessageContaining("at least 95 minutes");
    }
}
