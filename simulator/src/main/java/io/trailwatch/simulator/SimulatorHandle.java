package io.trailwatch.simulator;

import java.time.Duration;
import java.util.Optional;

/** A started simulator. {@link #close()} stops it and closes its sink. */
public interface SimulatorHandle extends AutoCloseable {

    /** Whether the simulator thread is still generating or delivering. */
    boolean isRunning();

    SimulatorStats stats();

    /** The failure that stopped the simulator, if one did. */
    Optional<Exception> failure();

    /**
     * Waits until a bounded run has generated and delivered everything.
     *
     * @return the final statistics
     * @throws SimulatorException if the run failed
     */
    SimulatorStats await();

    /**
     * Waits at most {@code timeout}.
     *
     * @return true if the simulator has stopped
     * @throws SimulatorException if the run failed
     */
    boolean await(Duration timeout);

    /** Stops generating (files not yet due are not delivered), waits for the thread, closes the sink. */
    @Override
    void close();
}
