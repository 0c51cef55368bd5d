package io.trailwatch.alert.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dedup keys of alert groups: a hash of the route and the group's label values, so the same group always gets the
 * same key, on any instance, after any restart. Receivers get it as PagerDuty dedup_key, Opsgenie alias, a Jira
 * label, ServiceNow correlation_id and in webhook-id.
 */
public final class GroupKey {

    private GroupKey() {
    }

    public static String of(String route, Map<String, String> labels) {
        StringBuilder input = new StringBuilder(route);
        new TreeMap<>(labels).forEach((k, v) -> input.append('\n').append(k).append('=').append(v));
        return "tw-" + hash(input.toString());
    }

    /** The key of a route without grouping: one group per finding. */
    public static String forFinding(String route, String findingId) {
        return "tw-" + hash(route + "\nfindingId=" + findingId);
    }

    private static String hash(String input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
