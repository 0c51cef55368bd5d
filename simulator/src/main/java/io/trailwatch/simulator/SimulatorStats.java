package io.trailwatch.simulator;

import java.time.Instant;

/**
 * Progress of a running simulator.
 *
 * @param generatedUntil simulated time up to which records have been generated
 * @param lastDelivery   delivery time of the last file that reached the sink, or null before the first
 */
public record SimulatorStats(long files, long records, long bytes, long scenarioRuns, Instant generatedUntil,
                             Instant lastDelivery, String lastKey) {
}
