package io.trailwatch.rules.streams;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the evaluating tasks tell the outlier tasks through the repartition topic: a record that a detector counts
 * (keyed by series id, so each series lives in one task), or the event-time progress of one events partition
 * (sent to every partition).
 *
 * @param kind {@code match}, {@code tick} (the partition's watermark reached {@code time}) or {@code idle} (the
 *     partition has had no records for a while and should not hold back slice closing until it ticks again)
 * @param partition the events partition a tick or idle signal is about
 * @param time epoch milliseconds: the match's eventTime, or the partition's watermark
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutlierSignal(String kind, int partition, long time, String detectorId, String group,
        String principal, String sourceIp, String accountId) {

    public static final String MATCH = "match";
    public static final String TICK = "tick";
    public static final String IDLE = "idle";

    /** Ticks and idle signals carry this key; series ids always contain '|'. */
    public static final String PROGRESS_KEY = "";

    public static OutlierSignal match(String detectorId, String group, long eventTime, String principal,
            String sourceIp, String accountId) {
        return new OutlierSignal(MATCH, -1, eventTime, detectorId, group, principal, sourceIp, accountId);
    }

    public static OutlierSignal tick(int partition, long watermark) {
        return new OutlierSignal(TICK, partition, watermark, null, null, null, null, null);
    }

    public static OutlierSignal idle(int partition, long watermark) {
        return new OutlierSignal(IDLE, partition, watermark, null, null, null, null, null);
    }

    @JsonIgnore
    public boolean isMatch() {
        return MATCH.equals(kind);
    }
}
