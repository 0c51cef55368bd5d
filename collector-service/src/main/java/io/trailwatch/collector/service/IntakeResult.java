package io.trailwatch.collector.service;

import java.util.List;

/**
 * What became of one input: how many records were published, how many refused, how many dropped as duplicates
 * of records published recently, with the first refusals.
 *
 * @param problems at most {@link #MAX_PROBLEMS} descriptions of refused records, for the caller
 */
public record IntakeResult(int records, int rejected, int duplicates, List<RecordProblem> problems) {

    public static final int MAX_PROBLEMS = 20;

    /** One refused record: where it is in the file and why. */
    public record RecordProblem(int recordIndex, String reason, String message) {
    }
}
