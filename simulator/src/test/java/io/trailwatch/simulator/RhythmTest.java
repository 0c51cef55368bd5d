package io.trailwatch.simulator;

import io.trailwatch.simulator.traffic.Rhythm;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RhythmTest {

    private final Rhythm rhythm = Rhythm.weekly(1);

    @Test
    void weekdayMiddayIsBusiestNightsAndWeekendsAreQuiet() {
        double fridayNoon = rhythm.human(at("2026-11-27T11:00:00Z"));
        double fridayNight = rhythm.human(at("2026-11-27T02:00:00Z"));
        double sundayNoon = rhythm.human(at("2026-11-29T11:00:00Z"));
        assertThat(fridayNoon).isGreaterThan(5 * fridayNight);
        assertThat(fridayNoon).isGreaterThan(5 * sundayNoon);
    }

    @Test
    void averagesOneOverAWeek() {
        double sum = 0;
        int n = 0;
        for (long t = at("2026-11-23T00:00:00Z"); t < at("2026-11-30T00:00:00Z"); t += 300) {
            sum += rhythm.human(t);
            n++;
        }
        assertThat(sum / n).isCloseTo(1.0, within(0.01));
        assertThat(Rhythm.flat().human(at("2026-11-29T03:00:00Z"))).isEqualTo(1.0);
    }

    private static long at(String iso) {
        return Instant.parse(iso).getEpochSecond();
    }
}
