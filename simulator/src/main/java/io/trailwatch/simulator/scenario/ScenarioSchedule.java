package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.random.Seeds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When scenarios run, relative to the simulation start. The recurring schedule runs every scenario once within
 * the first minutes (so every dashboard panel fills quickly), then each again every period, spread evenly across
 * the period (rotated by half a round) with a little seeded jitter so runs do not bunch.
 */
public final class ScenarioSchedule {

    /** A run to inject: the scenario, its start (epoch second) and its occurrence number. */
    public record Planned(long start, Scenario scenario, int occurrence) {
    }

    /** One explicit entry of a fixed schedule. */
    public record At(Duration offset, Scenario scenario) {
    }

    /** Demo defaults: every scenario within 3 minutes, then each hourly. */
    public static final Duration DEFAULT_FIRST_ROUND = Duration.ofMinutes(3);
    public static final Duration DEFAULT_PERIOD = Duration.ofHours(1);
    private static final long FIRST_OFFSET_SECONDS = 20;

    private final List<Scenario> scenarios;
    private final long firstRound;
    private final long period;
    private final List<At> fixed;

    private ScenarioSchedule(List<Scenario> scenarios, long firstRound, long period, List<At> fixed) {
        this.scenarios = List.copyOf(scenarios);
        this.firstRound = firstRound;
        this.period = period;
        this.fixed = List.copyOf(fixed);
    }

    public static ScenarioSchedule none() {
        return new ScenarioSchedule(List.of(), 0, 0, List.of());
    }

    /**
     * @param firstRound all scenarios start once within this time after the simulation start
     * @param period     then each recurs this often; {@link Duration#ZERO} for one round only
     */
    public static ScenarioSchedule recurring(List<Scenario> scenarios, Duration firstRound, Duration period) {
        Objects.requireNonNull(scenarios, "scenarios");
        if (firstRound.getSeconds() <= FIRST_OFFSET_SECONDS) {
            throw new IllegalArgumentException("the first round must be longer than " + FIRST_OFFSET_SECONDS
                    + " seconds, got " + firstRound);
        }
        if (period.isNegative() || (!period.isZero() && period.getSeconds() < 60)) {
            throw new IllegalArgumentException("the scenario period must be zero (no recurrence) or at least one "
                    + "minute, got " + period);
        }
        return new ScenarioSchedule(scenarios, firstRound.getSeconds(), period.getSeconds(), List.of());
    }

    /** Every built-in scenario with the demo timing. */
    public static ScenarioSchedule demo() {
        return recurring(ScenarioLibrary.all(), DEFAULT_FIRST_ROUND, DEFAULT_PERIOD);
    }

    /** Exactly the given runs, each at an offset from the simulation start. */
    public static ScenarioSchedule fixed(List<At> runs) {
        return new ScenarioSchedule(List.of(), 0, 0, runs);
    }

    /** The runs whose start lies in {@code [from, to)}, ordered by start, then library position. */
    public List<Planned> between(long seed, long simulationStart, long from, long to) {
        List<Planned> out = new ArrayList<>();
        int n = scenarios.size();
        for (int i = 0; i < n; i++) {
            Scenario s = scenarios.get(i);
            long first = simulationStart + FIRST_OFFSET_SECONDS + (firstRound - FIRST_OFFSET_SECONDS) * i / n;
            if (first >= from && first < to) {
                out.add(new Planned(first, s, 0));
            }
            if (period <= 0) {
                continue;
            }
            // Recurrences are rotated by half a round, so a scenario does not repeat right after its first run.
            long base = simulationStart + firstRound + period * ((i + n / 2) % n + 1) / n;
            long low = Math.max(1, (from - base) / period - 1);
            long high = (to - base) / period + 2;
            for (long k = low; k <= high; k++) {
                long jitter = Math.floorMod(Seeds.derive(seed, Seeds.label(s.name()), k), Math.max(1, period / (4L * n)));
                long at = base + (k - 1) * period + jitter;
                if (at >= from && at < to && at >= simulationStart) {
                    out.add(new Planned(at, s, (int) k));
                }
            }
        }
        for (int i = 0; i < fixed.size(); i++) {
            At at = fixed.get(i);
            long start = simulationStart + at.offset().getSeconds();
            if (start >= from && start < to) {
                out.add(new Planned(start, at.scenario(), i));
            }
        }
        out.sort(Comparator.comparingLong(Planned::start).thenComparingInt(p -> ScenarioLibrary.all()
                .indexOf(p.scenario())).thenComparingInt(Planned::occurrence));
        return out;
    }
}
