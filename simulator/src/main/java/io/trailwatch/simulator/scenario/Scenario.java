package io.trailwatch.simulator.scenario;

import java.time.Duration;
import java.util.List;

/** A named attack (or misuse) that is injected into the traffic at a point in simulated time. */
public interface Scenario {

    /** Stable slug, e.g. {@code console-brute-force}. */
    String name();

    /** One sentence for the scenario list. */
    String description();

    /**
     * The rule ids a correct platform raises for this scenario: the CIS patterns its records match, plus
     * detector ids (the failed-login spike) that judge the run as a whole.
     */
    List<String> expectedRules();

    /** The longest time from the run's start to its last record. */
    Duration maxDuration();

    /** Adds the run's records to the context; their event times are at or after {@link ScenarioContext#start()}. */
    void inject(ScenarioContext context);
}
