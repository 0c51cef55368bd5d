package io.trailwatch.simulator;

import io.trailwatch.simulator.delivery.GeneratorOutput;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.org.OrganisationConfig;
import io.trailwatch.simulator.scenario.Scenario;
import io.trailwatch.simulator.scenario.ScenarioLibrary;
import io.trailwatch.simulator.scenario.ScenarioRun;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import io.trailwatch.simulator.traffic.Rhythm;
import io.trailwatch.simulator.truth.CisRule;
import io.trailwatch.simulator.truth.GroundTruthEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoScheduleTest {

    /** The local stack's promise: every CIS panel has a scenario finding within 15 minutes of start. */
    @Test
    void everyRuleIsDeliveredWithinFifteenMinutesOfStartForManySeeds() {
        for (long seed = 1; seed <= 20; seed++) {
            Instant start = Instant.parse("2026-11-28T13:17:00Z").plusSeconds(seed * 7919);
            SimulationConfig config = new SimulationConfig(seed, OrganisationConfig.defaults(), start, 3,
                    Rhythm.weekly(1), ScenarioSchedule.demo(), 1);
            CloudTrailGenerator generator = new CloudTrailGenerator(config);
            Set<String> rules = new HashSet<>();
            List<ScenarioRun> completed = new ArrayList<>();
            generator.generateUntil(start.getEpochSecond() + 15 * 60, new GeneratorOutput() {
                @Override
                public void file(LogFile file) {
                    for (GroundTruthEvent e : file.truth()) {
                        if (e.origin().equals("scenario")) {
                            rules.addAll(e.expectedRules());
                        }
                    }
                }

                @Override
                public void scenarioCompleted(ScenarioRun run) {
                    completed.add(run);
                }
            });
            for (CisRule rule : CisRule.values()) {
                assertThat(rules).as("seed " + seed).contains(rule.id());
            }
            assertThat(completed.stream().filter(r -> r.id().endsWith("#0")).map(r -> r.scenario().name()))
                    .as("seed " + seed).containsExactlyInAnyOrderElementsOf(ScenarioLibrary.names());
        }
    }

    @Test
    void scenariosRecurSpreadOverThePeriod() {
        ScenarioSchedule schedule = ScenarioSchedule.demo();
        long start = Instant.parse("2026-11-27T00:00:00Z").getEpochSecond();
        List<ScenarioSchedule.Planned> day = schedule.between(5, start, start, start + 86_400);
        Map<Scenario, Integer> counts = new HashMap<>();
        day.forEach(p -> counts.merge(p.scenario(), 1, Integer::sum));
        assertThat(counts).hasSize(ScenarioLibrary.all().size());
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(24, 25));
        List<ScenarioSchedule.Planned> later = day.stream().filter(p -> p.start() >= start + 3600).toList();
        for (int i = 1; i < later.size(); i++) {
            assertThat(later.get(i).start()).isGreaterThanOrEqualTo(later.get(i - 1).start());
        }
        long gapsOverTenMinutes = 0;
        for (int i = 1; i < later.size(); i++) {
            if (later.get(i).start() - later.get(i - 1).start() > 600) {
                gapsOverTenMinutes++;
            }
        }
        assertThat(gapsOverTenMinutes).as("runs are spread, not bunched").isZero();
    }

    @Test
    void schedulesAreTheSameWhicheverWindowAsksForThem() {
        ScenarioSchedule schedule = ScenarioSchedule.demo();
        long start = Instant.parse("2026-11-27T00:00:00Z").getEpochSecond();
        List<ScenarioSchedule.Planned> whole = schedule.between(5, start, start, start + 6 * 3600);
        List<ScenarioSchedule.Planned> pieces = new ArrayList<>();
        for (long t = start; t < start + 6 * 3600; t += 10) {
            pieces.addAll(schedule.between(5, start, t, t + 10));
        }
        assertThat(pieces).isEqualTo(whole);
    }
}
