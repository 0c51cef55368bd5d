package io.trailwatch.simulator.delivery;

import io.trailwatch.simulator.truth.GroundTruthEvent;

import java.util.List;

/**
 * One CloudTrail log file as delivered: its S3 key, the gzipped {@code {"Records":[...]}} bytes, and the
 * ground truth of the CIS-matching records inside.
 *
 * @param deliveryTime epoch second the file is delivered (its name carries this time to the minute)
 */
public record LogFile(String key, String accountId, String region, long deliveryTime, byte[] content, int records,
                      List<GroundTruthEvent> truth) {

    public LogFile {
        truth = List.copyOf(truth);
    }

    /** The file name: the last segment of the key. */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
