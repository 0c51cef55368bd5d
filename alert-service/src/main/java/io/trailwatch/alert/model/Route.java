package io.trailwatch.alert.model;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A route with Alertmanager's grouping semantics: findings it matches are grouped by the values of {@code groupBy}
 * (an empty list gives one group per finding); a new group waits {@code groupWait} before its first notification,
 * later changes go out at most every {@code groupInterval}, and an unchanged group with firing findings is sent
 * again after {@code repeatInterval} (zero = never).
 */
public record Route(String name, int position, RouteMatch match, List<String> channels, List<FindingField> groupBy,
                    Duration groupWait, Duration groupInterval, Duration repeatInterval, boolean continueMatching) {

    public Route {
        channels = List.copyOf(channels);
        groupBy = List.copyOf(groupBy);
    }

    /** The group labels of {@code finding} on this route, in groupBy order. */
    public Map<String, String> groupLabels(FindingFacts finding) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (FindingField field : groupBy) {
            labels.put(field.wireName(), finding.value(field));
        }
        return labels;
    }

    /** The stable dedup key of the group {@code finding} falls into on this route. */
    public String groupKey(FindingFacts finding) {
        return groupBy.isEmpty() ? GroupKey.forFinding(name, finding.findingId()) : GroupKey.of(name, groupLabels(finding));
    }
}
