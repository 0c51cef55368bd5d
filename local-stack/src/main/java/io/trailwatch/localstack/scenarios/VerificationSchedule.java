package io.trailwatch.localstack.scenarios;

import io.trailwatch.simulator.scenario.Scenario;
import io.trailwatch.simulator.scenario.ScenarioLibrary;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When the scenarios of a ground-truth replay run: every scenario once per hour, spread across the hour, starting
 * after a warm-up and ending before a tail. The warm-up gives the outlier detector its baseline (ten 5-minute
 * slices, as outlier-console-auth-failures.yml defines it); the tail lets its last slices close, which happens
 * only once event time has passed a slice's end by rules-service's grace (20 minutes by default).
 */
public final class VerificationSchedule {

    public static final Duration WARM_UP = Duration.ofMinutes(60);
    public static final Duration TAIL = Duration.ofMinutes(35);
    public static final Duration PERIOD = Duration.ofHours(1);

    private VerificationSchedule() {
    }

    /** The fixed schedule for a replay of {@code span}; at least one round must fit. */
    public static ScenarioSchedule spread(Duration span) {
        return ScenarioSchedule.fixed(runs(span));
    }

    static List<ScenarioSchedule.At> runs(Duration span) {
        Duration lastStart = span.minus(TAIL);
        if (lastStart.compareTo(WARM_UP) < 0) {
            throw new IllegalArgumentException("a replay must be at least " + WARM_UP.plus(TAIL).toMinutes()
                    + " minutes long (warm-up " + WARM_UP.toMinutes() + ", tail " + TAIL.toMinutes() + "), got "
                    + span.toMinutes());
        }
        List<Scenario> scenarios = ScenarioLibrary.all();
        List<ScenarioSchedule.At> runs = new ArrayList<>();
        for (Duration round = WARM_UP; round.compareTo(lastStart) <= 0; round = round.plus(PERIOD)) {
            Duration room = lastStart.minus(round).compareTo(PERIOD) < 0 ? lastStart.minus(round) : PERIOD;
            long gapSeconds = room.getSeconds() / scenarios.size();
            for (int i = 0; i < scenarios.size(); i++) {
                runs.add(new ScenarioSchedule.At(round.plusSeconds(gapSeconds * i), scenarios.get(i)));
            }
        }
        return runs;
    }
}
