package io.trailwatch.query.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.common.rest.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00.123456Z");

    private static TimeWindow of(Map<String, List<String>> params) {
        return TimeWindow.of(new PageParams(params), NOW);
    }

    @Test
    void withoutInputTheLast24HoursToNow() {
        TimeWindow window = of(Map.of());
        assertThat(window.preset()).isEqualTo("24h");
        assertThat(window.from()).isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
        assertThat(window.to()).isNull();
        assertThat(window.label()).isEqualTo("Last 24 hours");
    }

    @Test
    void presetsCountBackFromNowAndAllHasNoBound() {
        assertThat(of(Map.of("range", List.of("7d"))).from()).isEqualTo(Instant.parse("2026-11-21T06:00:00Z"));
        assertThat(of(Map.of("range", List.of("1h"))).from()).isEqualTo(Instant.parse("2026-11-28T05:00:00Z"));
        TimeWindow all = of(Map.of("range", List.of("all")));
        assertThat(all.from()).isNull();
        assertThat(all.label()).isEqualTo("Any time");
    }

    @Test
    void explicitTimesWinOverThePresetAndLocalTimesAreUtc() {
        TimeWindow window = of(Map.of("range", List.of("7d"), "from", List.of("2026-11-27T10:00"),
                "to", List.of("2026-11-27T12:00:00+01:00")));
        assertThat(window.isCustom()).isTrue();
        assertThat(window.from()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(window.to()).isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
        assertThat(window.label()).isEqualTo("2026-11-27 10:00:00Z to 2026-11-27 11:00:00Z");
        assertThat(of(Map.of("from", List.of("2026-11-27T10:00:00Z"))).label())
                .isEqualTo("2026-11-27 10:00:00Z to now");
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> of(Map.of("range", List.of("2w")))).isInstanceOf(ApiException.class)
                .hasMessageContaining("'range'").hasMessageContaining("'2w'");
        assertThatThrownBy(() -> of(Map.of("from", List.of("yesterday")))).isInstanceOf(ApiException.class)
                .hasMessageContaining("'from'").hasMessageContaining("'yesterday'");
        assertThatThrownBy(() -> of(Map.of("from", List.of("2026-11-27T12:00:00Z"),
                "to", List.of("2026-11-27T11:00:00Z")))).isInstanceOf(ApiException.class)
                .hasMessageContaining("must be before");
        assertThat(TimeWindow.defaultAt(NOW).from()).isEqualTo(NOW.minus(Duration.ofHours(24))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
