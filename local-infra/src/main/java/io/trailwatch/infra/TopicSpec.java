package io.trailwatch.infra;

import io.trailwatch.contracts.Topics;
import java.util.List;
import java.util.Map;

/** A topic the platform expects, with its partition count and topic configs. */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    /**
     * The platform's topics. Events get {@code eventPartitions} (12 by default in every environment), the
     * smaller topics a quarter of that; rejected inputs are kept 7 days.
     */
    public static List<TopicSpec> platformTopics(int eventPartitions) {
        int small = Math.max(1, eventPartitions / 4);
        return List.of(
                new TopicSpec(Topics.CLOUDTRAIL_EVENTS, eventPartitions, Map.of()),
                new TopicSpec(Topics.FINDINGS, small, Map.of()),
                new TopicSpec(Topics.METRICS, small, Map.of()),
                new TopicSpec(Topics.REJECTED, small, Map.of("retention.ms", String.valueOf(7L * 24 * 3600 * 1000))));
    }
}
