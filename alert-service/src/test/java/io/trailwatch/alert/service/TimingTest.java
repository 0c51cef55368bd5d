package io.trailwatch.alert.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Backoff, circuit breaker and repeat rounding: the timing rules of delivery. */
class TimingTest {

    @RepeatedTest(20)
    void backoffDoublesWithJitterUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1));
        assertThat(backoff.after(1, null)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(backoff.after(3, null)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(backoff.after(40, null)).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(1));
    }

    @Test
    void retryAfterIsHonouredUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMinutes(1));
        assertThat(backoff.after(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void circuitOpensAfterTheThresholdThenLetsOneProbeThrough() {
        Instant t0 = Instant.parse("2026-11-27T10:00:00Z");
        CircuitBreaker circuit = new CircuitBreaker(3, Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            assertThat(circuit.allow(t0)).isTrue();
            circuit.failed("HTTP 503", t0);
        }
        assertThat(circuit.allow(t0.plusSeconds(10))).isFalse();
        assertThat(circuit.isOpen(t0.plusSeconds(10))).isTrue();
        assertThat(circuit.describe()).contains("the last 3 requests failed (last: HTTP 503)");
        assertThat(circuit.allow(t0.plusSeconds(31))).isTrue();
        assertThat(circuit.allow(t0.plusSeconds(31))).isFalse();
        circuit.failed("HTTP 503", t0.plusSeconds(31));
        assertThat(circuit.allow(t0.plusSeconds(40))).isFalse();
        assertThat(circuit.allow(t0.plusSeconds(62))).isTrue();
        circuit.succeeded();
        assertThat(circuit.allow(t0.plusSeconds(62))).isTrue();
        assertThat(circuit.isOpen(t0.plusSeconds(62))).isFalse();
    }

    @Test
    void repeatsWaitForWholeGroupIntervalTicks() {
        assertThat(GroupFlusher.roundUp(Duration.ofHours(4), Duration.ofMinutes(5))).isEqualTo(Duration.ofHours(4));
        assertThat(GroupFlusher.roundUp(Duration.ofMinutes(7), Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(10));
        assertThat(GroupFlusher.roundUp(Duration.ofSeconds(1), Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(GroupFlusher.roundUp(Duration.ofSeconds(7), Duration.ZERO)).isEqualTo(Duration.ofSeconds(7));
    }
}
