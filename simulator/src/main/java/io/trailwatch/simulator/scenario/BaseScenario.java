package io.trailwatch.simulator.scenario;

import java.time.Duration;
import java.util.List;

/** Holds the descriptive parts every scenario has. */
abstract class BaseScenario implements Scenario {

    private final String name;
    private final String description;
    private final List<String> expectedRules;
    private final Duration maxDuration;

    BaseScenario(String name, String description, Duration maxDuration, String... expectedRules) {
        this.name = name;
        this.description = description;
        this.maxDuration = maxDuration;
        this.expectedRules = List.of(expectedRules);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<String> expectedRules() {
        return expectedRules;
    }

    @Override
    public Duration maxDuration() {
        return maxDuration;
    }
}
