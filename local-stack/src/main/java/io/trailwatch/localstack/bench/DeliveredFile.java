package io.trailwatch.localstack.bench;

import io.trailwatch.simulator.truth.GroundTruthEvent;
import java.util.List;

/**
 * A CloudTrail file the simulator handed to the S3-compatible server, and when that finished (for a sink with
 * notifications: when S3 had the object and SQS had its notification).
 *
 * @param deliveredAtMillis wall clock after the sink returned
 * @param truth the file's records that match CIS patterns, with the rule ids each should raise
 */
public record DeliveredFile(String key, int records, long bytes, String md5Hex, long deliveredAtMillis,
                            List<GroundTruthEvent> truth) {

    public DeliveredFile {
        truth = List.copyOf(truth);
    }
}
