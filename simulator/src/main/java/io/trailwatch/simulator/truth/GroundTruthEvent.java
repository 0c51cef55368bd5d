package io.trailwatch.simulator.truth;

import java.util.List;

/**
 * A generated record that matches at least one CIS pattern, with the rule ids it should raise and whether it
 * came from a scenario run or from background traffic.
 *
 * @param runId the scenario run it belongs to, or null for background records
 */
public record GroundTruthEvent(String eventId, long eventTime, String accountId, String region, String eventSource,
                               String eventName, String identityType, String origin, String runId,
                               List<String> expectedRules) {

    public GroundTruthEvent {
        expectedRules = List.copyOf(expectedRules);
    }
}
