package io.trailwatch.query.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardFiltersTest {

    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

    @Test
    void withoutParametersTheLast24Hours() {
        DashboardFilters filters = DashboardFilters.parse(null, null, null, null, null, NOW);
        assertThat(filters.range()).isEqualTo("24h");
        assertThat(filters.from()).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(filters.to()).isEqualTo(NOW);
        assertThat(filters.accountIds()).isEmpty();
    }

    @Test
    void presetsAndRepeatedOrCommaSeparatedAccountsAndRegions() {
        DashboardFilters filters = DashboardFilters.parse("7d", "", "", List.of("111,222", "111"),
                List.of("eu-west-1"), NOW);
        assertThat(filters.from()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(filters.accountIds()).containsExactly("111", "222");
        assertThat(filters.regions()).containsExactly("eu-west-1");
        assertThat(filters.queryWithRange("1h")).isEqualTo("range=1h&accountId=111&accountId=222&region=eu-west-1");
    }

    @Test
    void customRangeFromIsoOrDatetimeLocalValuesReadAsUtc() {
        DashboardFilters filters = DashboardFilters.parse("24h", "2026-11-27T10:00", "2026-11-27T12:30:00+01:00",
                null, null, NOW);
        assertThat(filters.isCustom()).isTrue();
        assertThat(filters.from()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(filters.to()).isEqualTo(Instant.parse("2026-11-27T11:30:00Z"));
    }

    @Test
    void unusableFiltersAreNamedInTheMessage() {
        assertThatThrownBy(() -> DashboardFilters.parse("2w", null, null, null, null, NOW))
                .hasMessage("'range' must be one of 1h, 24h, 7d or 30d, got '2w'");
        assertThatThrownBy(() -> DashboardFilters.parse(null, "yesterday", null, null, null, NOW))
                .hasMessageContaining("'from' must be a time").hasMessageContaining("yesterday");
        assertThatThrownBy(() -> DashboardFilters.parse(null, "2026-11-28T05:00Z", "2026-11-28T04:00Z", null, null,
                NOW)).hasMessageContaining("must be before");
        assertThatThrownBy(() -> DashboardFilters.parse(null, "2024-01-01T00:00Z", "2026-01-01T00:00Z", null, null,
                NOW)).hasMessageContaining("at most 400 days");
    }
}
