package io.trailwatch.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundred() {
        List<Long> values = new ArrayList<>();
        for (long i = 100; i >= 1; i--) {
            values.add(i);
        }
        Percentiles p = new Percentiles(values);
        assertThat(p.count()).isEqualTo(100);
        assertThat(p.at(50)).isEqualTo(50);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.at(100)).isEqualTo(100);
        assertThat(p.max()).isEqualTo(100);
    }

    @Test
    void smallSampleRoundsTheRankUp() {
        Percentiles p = new Percentiles(List.of(300L, 100L, 200L));
        assertThat(p.at(50)).isEqualTo(200);
        assertThat(p.at(99)).isEqualTo(300);
        assertThat(p.at(1)).isEqualTo(100);
    }

    @Test
    void emptySampleHasNoValues() {
        Percentiles p = new Percentiles(List.of());
        assertThat(p.at(99)).isEqualTo(-1);
        assertThat(p.max()).isEqualTo(-1);
    }

    @Test
    void percentileOutsideTheRangeIsRefused() {
        Percentiles p = new Percentiles(List.of(1L));
        assertThatThrownBy(() -> p.at(0)).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> p.at(101)).hasMessageContaining("(0, 100]");
    }
}
