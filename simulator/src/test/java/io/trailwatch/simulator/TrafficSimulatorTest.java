package io.trailwatch.simulator;

import io.trailwatch.simulator.scenario.ScenarioSchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficSimulatorTest {

    @Test
    void realTimeModeDeliversOnTheSimulatedClockAndStopsOnClose() throws InterruptedException {
        CollectingSink sink = new CollectingSink();
        Instant start = Instant.parse("2026-11-27T10:00:00Z");
        SimulatorHandle handle = TrafficSimulator.builder().seed(1).start(start).eventsPerSecond(2)
                .speed(600).scenarios(ScenarioSchedule.demo()).sink(sink).build().start();
        Thread.sleep(2500);
        assertThat(handle.isRunning()).isTrue();
        SimulatorStats during = handle.stats();
        long t0 = System.nanoTime();
        handle.close();
        assertThat(System.nanoTime() - t0).as("close is prompt").isLessThan(Duration.ofSeconds(3).toNanos());

        assertThat(handle.isRunning()).isFalse();
        assertThat(sink.closed()).isTrue();
        assertThat(during.files()).isPositive();
        // 2.5 s at 600x is about 25 simulated minutes; files are due on the simulated clock, not ahead of it.
        assertThat(during.lastDelivery()).isBetween(start, start.plus(Duration.ofMinutes(40)));
        assertThat(sink.files()).allSatisfy(f -> assertThat(f.deliveryTime())
                .isLessThanOrEqualTo(start.plus(Duration.ofMinutes(40)).getEpochSecond()));
        assertThat(handle.failure()).isEmpty();
    }

    @Test
    void backfillIsDeliveredImmediately() {
        CollectingSink sink = new CollectingSink();
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        SimulatorHandle handle = TrafficSimulator.builder().seed(1).start(now).backfill(Duration.ofMinutes(30))
                .eventsPerSecond(2).speed(1).sink(sink).build().start();
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (handle.stats().files() < 100 && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(handle.stats().files()).as("half an hour of 48 streams").isGreaterThanOrEqualTo(100);
            assertThat(handle.stats().scenarioRuns()).as("the first round ran in the backfill").isPositive();
            assertThat(sink.files()).allSatisfy(f -> assertThat(f.deliveryTime())
                    .isLessThanOrEqualTo(now.getEpochSecond() + 60));
        } finally {
            handle.close();
        }
    }

    @Test
    void boundedRunsFinishDeliveringEverything() {
        CollectingSink sink = new CollectingSink();
        Instant start = Instant.parse("2026-11-27T10:00:00Z");
        SimulatorStats stats = TrafficSimulator.builder().seed(2).start(start).duration(Duration.ofMinutes(30))
                .eventsPerSecond(3).asFastAsPossible().sink(sink).build().start().await();
        int planned = ScenarioSchedule.demo().between(2, start.getEpochSecond(), start.getEpochSecond(),
                start.getEpochSecond() + 1800).size();
        assertThat(stats.files()).isEqualTo(sink.files().size());
        assertThat(stats.scenarioRuns()).as("every planned run completed").isEqualTo(planned)
                .isGreaterThanOrEqualTo(14);
        assertThat(stats.records()).isEqualTo(sink.files().stream().mapToLong(f -> f.records()).sum());
    }
}
