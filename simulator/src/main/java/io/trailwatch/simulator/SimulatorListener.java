package io.trailwatch.simulator;

import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.scenario.ScenarioRun;

/** Callbacks from the simulator thread; keep them quick. */
public interface SimulatorListener {

    /** A file reached the sink. */
    default void fileDelivered(LogFile file) {
    }

    /** The last record of a scenario run reached the sink. */
    default void scenarioCompleted(ScenarioRun run) {
    }

    /** The simulator stopped because a file could not be delivered (after the sink's retries). */
    default void failed(Exception cause) {
    }
}
