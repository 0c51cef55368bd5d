package io.trailwatch.alert.model;

import io.trailwatch.contracts.Severity;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one delivery tells a receiver about one alert group: the firing and resolved findings (at most the
 * configured number; the counts cover all), the group's labels and its stable dedup key.
 *
 * @param kind firing, resolved (nothing fires any more) or test
 * @param webhookId stable across retries of this notification: {@code <groupKey>-<sequence>}
 * @param truncated findings left out of {@code findings} because of the per-notification limit
 */
public record Notification(long deliveryId, int sequence, String kind, String groupKey, String webhookId, String route,
                           String channel, Map<String, String> groupLabels, Map<String, String> commonLabels,
                           List<NotifiedFinding> findings, int firingCount, int newCount, int resolvedCount,
                           int truncated, Severity severity, URI url, Instant createdAt) {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";
    public static final String TEST = "test";

    public Notification {
        groupLabels = Map.copyOf(groupLabels);
        commonLabels = Map.copyOf(commonLabels);
        findings = List.copyOf(findings);
    }

    /** firing while any finding of the group fires, else resolved. */
    public String status() {
        return RESOLVED.equals(kind) ? RESOLVED : FIRING;
    }

    public boolean isResolved() {
        return RESOLVED.equals(kind);
    }

    public boolean isTest() {
        return TEST.equals(kind);
    }

    /** One line for subjects, summaries and titles: what fired (or was resolved), how many, where. */
    public String headline() {
        int count = isResolved() ? resolvedCount : firingCount;
        String title = commonLabels.get(FindingField.TITLE.wireName());
        StringBuilder line = new StringBuilder();
        if (isTest()) {
            line.append("Test: ");
        } else if (isResolved()) {
            line.append("Resolved: ");
        }
        if (count == 1 && !findings.isEmpty()) {
            line.append(findings.get(0).title());
        } else if (title != null) {
            line.append(count).append(" × ").append(title);
        } else {
            line.append(count).append(" findings");
        }
        String account = commonLabels.get(FindingField.ACCOUNT_ID.wireName());
        if (account != null) {
            line.append(" in ").append(account);
        }
        return line.toString();
    }
}
