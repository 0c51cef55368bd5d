package io.trailwatch.query.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageFormatTest {

    @Test
    void timesInUtcWithoutFractions() {
        Instant time = Instant.parse("2026-11-28T05:14:42.987Z");
        assertThat(PageFormat.utc(time)).isEqualTo("2026-11-28 05:14:42Z");
        assertThat(PageFormat.iso(time)).isEqualTo("2026-11-28T05:14:42Z");
        assertThat(PageFormat.utc(null)).isEmpty();
    }

    @Test
    void badgesOnlyFromKnownValues() {
        assertThat(PageFormat.statusClass("false_positive")).isEqualTo("status-false-positive");
        assertThat(PageFormat.statusLabel("false_positive")).isEqualTo("false positive");
        assertThat(PageFormat.sevClass("critical")).isEqualTo("sev-critical");
        assertThat(PageFormat.sevClass("x\" onmouseover=\"y")).isEqualTo("sev-info");
    }

    @Test
    void pathSegmentsAreEncoded() {
        assertThat(PageFormat.seg("../a b/c?d")).isEqualTo("..%2Fa%20b%2Fc%3Fd");
        assertThat(PageFormat.orDash(" ")).isEqualTo("—");
    }
}
