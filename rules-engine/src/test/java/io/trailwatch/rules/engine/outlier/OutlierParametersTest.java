package io.trailwatch.rules.engine.outlier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutlierParametersTest {

    private static final OutlierParameters D = OutlierParameters.defaults();

    @Test
    void defaultsAreSumos() {
        assertThat(D.timeslice()).isEqualTo(Duration.ofMinutes(5));
        assertThat(D.window()).isEqualTo(10);
        assertThat(D.threshold()).isEqualTo(3.0);
        assertThat(D.consecutive()).isEqualTo(1);
        assertThat(D.direction()).isEqualTo(Direction.BOTH);
        assertThat(D.minCount()).isZero();
        assertThat(D.seasonal()).isFalse();
    }

    @Test
    void slicesAreAlignedToTheEpoch() {
        assertThat(Instant.ofEpochMilli(D.sliceStart(Instant.parse("2026-11-27T10:07:31.250Z"))))
                .isEqualTo(Instant.parse("2026-11-27T10:05:00Z"));
        assertThat(Instant.ofEpochMilli(D.sliceStart(Instant.parse("2026-11-27T10:05:00Z"))))
                .isEqualTo(Instant.parse("2026-11-27T10:05:00Z"));
        OutlierParameters daily = D.withTimeslice(Duration.ofDays(1));
        assertThat(Instant.ofEpochMilli(daily.sliceStart(Instant.parse("2026-11-27T23:59:59Z"))))
                .isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        OutlierParameters sevenMinutes = D.withTimeslice(Duration.ofMinutes(7));
        assertThat(sevenMinutes.sliceStart(Instant.parse("2026-11-27T10:07:31Z")) % (7 * 60_000)).isZero();
        assertThat(Instant.ofEpochMilli(D.sliceStart(Instant.parse("1969-12-31T23:58:00Z"))))
                .isEqualTo(Instant.parse("1969-12-31T23:55:00Z"));
    }

    @Test
    void rejectsMeaninglessValues() {
        assertThatThrownBy(() -> D.withWindow(0)).hasMessage("window must be at least 1, was 0");
        assertThatThrownBy(() -> D.withThreshold(-1)).hasMessage("threshold must be a finite number >= 0, was -1.0");
        assertThatThrownBy(() -> D.withThreshold(Double.NaN)).hasMessageStartingWith("threshold must be");
        assertThatThrownBy(() -> D.withThreshold(Double.POSITIVE_INFINITY)).hasMessageStartingWith("threshold must be");
        assertThatThrownBy(() -> D.withConsecutive(0)).hasMessage("consecutive must be at least 1, was 0");
        assertThatThrownBy(() -> D.withMinCount(-1)).hasMessage("minCount must be at least 0, was -1");
        assertThatThrownBy(() -> D.withTimeslice(Duration.ofMillis(500))).hasMessageStartingWith("timeslice must be");
        assertThatThrownBy(() -> D.withTimeslice(Duration.ZERO)).hasMessageStartingWith("timeslice must be");
        assertThatThrownBy(() -> D.withWindow(OutlierParameters.MAX_HISTORY + 1))
                .hasMessageContaining("at most " + OutlierParameters.MAX_HISTORY);
    }

    @Test
    void seasonalBaselinesNeedSlicesThatDivideAWeek() {
        assertThatThrownBy(() -> D.withSeasonal(true)).hasMessageStartingWith("a seasonal baseline needs a timeslice "
                + "of at least 1h that divides one week");
        assertThatThrownBy(() -> D.withTimeslice(Duration.ofHours(5)).withSeasonal(true))
                .hasMessageEndingWith("was 5h");
        OutlierParameters hourly = D.withTimeslice(Duration.ofHours(1)).withSeasonal(true);
        assertThat(hourly.lag()).isEqualTo(168);
        assertThat(D.withTimeslice(Duration.ofDays(1)).withSeasonal(true).lag()).isEqualTo(7);
        assertThatThrownBy(() -> hourly.withWindow(200)).hasMessageContaining("window 200 weeks needs a history of "
                + "33600 slices");
    }

    @Test
    void timeslicesParseAndFormat() {
        assertThat(Timeslice.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Timeslice.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Timeslice.parse(" 1h ")).isEqualTo(Duration.ofHours(1));
        assertThat(Timeslice.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Timeslice.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> Timeslice.parse("5 minutes")).hasMessage("invalid time slice '5 minutes': expected "
                + "a length such as 30s, 5m, 1h or 1d");
        assertThatThrownBy(() -> Timeslice.parse("5w")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Timeslice.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Timeslice.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Timeslice.format(Duration.ofHours(48))).isEqualTo("2d");
        assertThat(Timeslice.format(Duration.ofHours(3))).isEqualTo("3h");
        assertThat(Timeslice.format(Duration.ofMillis(1500))).isEqualTo("PT1.5S");
    }

    @Test
    void directionsParseLikeSumo() {
        assertThat(Direction.parse("+")).isEqualTo(Direction.UP);
        assertThat(Direction.parse("-")).isEqualTo(Direction.DOWN);
        assertThat(Direction.parse("+-")).isEqualTo(Direction.BOTH);
        assertThat(Direction.BOTH.symbol()).isEqualTo("+-");
        assertThatThrownBy(() -> Direction.parse("up")).hasMessage("unknown direction 'up': expected +, - or +-");
    }
}
