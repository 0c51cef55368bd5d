package io.trailwatch.simulator.delivery;

import io.trailwatch.simulator.scenario.ScenarioRun;

/** Receives the generator's output in delivery order. */
public interface GeneratorOutput {

    /** A log file is due; files arrive in order of delivery time. */
    void file(LogFile file);

    /** The last record of a scenario run has just been delivered (in the file passed before this call). */
    void scenarioCompleted(ScenarioRun run);
}
