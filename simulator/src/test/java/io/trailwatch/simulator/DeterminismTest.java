package io.trailwatch.simulator;

import io.trailwatch.simulator.delivery.GeneratorOutput;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.org.OrganisationConfig;
import io.trailwatch.simulator.scenario.ScenarioRun;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import io.trailwatch.simulator.traffic.Rhythm;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    private static final Instant START = Instant.parse("2026-11-27T09:00:00Z");

    private static TrafficSimulator.Builder hour(long seed) {
        return TrafficSimulator.builder().seed(seed).start(START).duration(Duration.ofHours(1)).eventsPerSecond(5)
                .scenarios(ScenarioSchedule.demo());
    }

    @Test
    void sameSeedGivesIdenticalFilesAndGroundTruth() {
        Generated a = Generated.run(hour(42));
        Generated b = Generated.run(hour(42));

        assertThat(a.files).hasSizeGreaterThan(100);
        assertThat(b.files).hasSameSizeAs(a.files);
        for (int i = 0; i < a.files.size(); i++) {
            assertThat(b.files.get(i).key()).isEqualTo(a.files.get(i).key());
            assertThat(b.files.get(i).content()).isEqualTo(a.files.get(i).content());
        }
        assertThat(b.groundTruth).isEqualTo(a.groundTruth);
    }

    @Test
    void differentSeedGivesDifferentTraffic() {
        Generated a = Generated.run(hour(42));
        Generated c = Generated.run(hour(43));

        assertThat(c.files.get(0).key()).isNotEqualTo(a.files.get(0).key());
        assertThat(c.groundTruth).isNotEqualTo(a.groundTruth);
    }

    /** Real-time runs advance the generator in uneven steps; the bytes must not depend on them. */
    @Test
    void outputDoesNotDependOnHowTimeIsAdvanced() {
        SimulationConfig config = new SimulationConfig(9, OrganisationConfig.defaults(), START, 5, Rhythm.weekly(1),
                ScenarioSchedule.demo(), 6);
        long end = START.getEpochSecond() + 3600;

        Recorder once = new Recorder();
        CloudTrailGenerator g1 = new CloudTrailGenerator(config);
        g1.generateUntil(end, once);
        g1.finish(once);

        Recorder chunked = new Recorder();
        CloudTrailGenerator g2 = new CloudTrailGenerator(config);
        SplittableRandom steps = new SplittableRandom(1);
        for (long t = START.getEpochSecond(); t < end; ) {
            t = Math.min(end, t + 1 + steps.nextInt(97));
            g2.generateUntil(t, chunked);
        }
        g2.finish(chunked);

        assertThat(chunked.order).isEqualTo(once.order);
        for (int i = 0; i < once.files.size(); i++) {
            assertThat(chunked.files.get(i).content()).isEqualTo(once.files.get(i).content());
        }
    }

    private static final class Recorder implements GeneratorOutput {
        final List<LogFile> files = new ArrayList<>();
        final List<String> order = new ArrayList<>();

        @Override
        public void file(LogFile file) {
            files.add(file);
            order.add(file.key());
        }

        @Override
        public void scenarioCompleted(ScenarioRun run) {
            order.add("run " + run.id() + " " + run.eventIds());
        }
    }
}
