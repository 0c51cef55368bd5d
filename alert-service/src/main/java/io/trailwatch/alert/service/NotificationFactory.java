package io.trailwatch.alert.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.config.AlertConfig;
import io.trailwatch.alert.model.FindingFacts;
import io.trailwatch.alert.model.FindingField;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.NotifiedFinding;
import io.trailwatch.contracts.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds notifications: common labels, the most severe finding, and links into the UI. */
@ApplicationScoped
public class NotificationFactory {

    /** A finding id that cannot clash with a real one (those are hashes), for test notifications. */
    static final String TEST_FINDING_ID = "f-0000000000000000";

    private final String uiBase;
    private final ObjectMapper mapper;

    public NotificationFactory(AlertConfig config, ObjectMapper mapper) {
        String base = config.uiBaseUrl().toString();
        this.uiBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.mapper = mapper;
    }

    /** The link to a finding in the UI. */
    public URI findingUrl(String findingId) {
        return URI.create(uiBase + "/findings/" + URLEncoder.encode(findingId, StandardCharsets.UTF_8));
    }

    public Notification create(long deliveryId, int sequence, String kind, String groupKey, String route,
                               String channel, Map<String, String> groupLabels, List<FindingFacts> firing,
                               List<String> newIds, List<FindingFacts> resolved, int firingCount, int resolvedCount,
                               Instant createdAt) {
        List<NotifiedFinding> findings = new ArrayList<>();
        firing.forEach(f -> findings.add(new NotifiedFinding(f, false, newIds.contains(f.findingId()),
                findingUrl(f.findingId()))));
        resolved.forEach(f -> findings.add(new NotifiedFinding(f, true, false, findingUrl(f.findingId()))));
        List<FindingFacts> all = new ArrayList<>(firing);
        all.addAll(resolved);
        Map<String, String> common = commonLabels(all);
        Severity severity = (firing.isEmpty() ? resolved : firing).stream().map(FindingFacts::severity)
                .max(Enum::compareTo).orElse(Severity.INFO);
        URI url = findings.size() == 1 && firingCount + resolvedCount == 1 ? findings.get(0).url() : groupUrl(common);
        int truncated = Math.max(0, firingCount + resolvedCount - findings.size());
        return new Notification(deliveryId, sequence, kind, groupKey, groupKey + "-" + sequence, route, channel,
                groupLabels, common, findings, firingCount, newIds.size(), resolvedCount, truncated, severity, url,
                createdAt);
    }

    /** A notification about one made-up finding, for channel tests and template checks. */
    public Notification test(String channel, Instant now) {
        ObjectNode json = mapper.createObjectNode();
        json.put("findingId", TEST_FINDING_ID);
        json.put("ruleId", "trailwatch-test");
        json.put("title", "Trailwatch test notification");
        json.put("severity", "info");
        json.put("category", "custom");
        json.put("accountId", "000000000000");
        json.put("region", "us-east-1");
        json.put("eventTime", now.toString());
        json.put("eventID", "00000000-0000-0000-0000-000000000000");
        json.put("eventName", "TestNotification");
        json.put("eventSource", "trailwatch");
        json.putObject("principal").put("type", "Trailwatch").put("arn", "arn:aws:iam::000000000000:user/test")
                .put("userName", "test");
        json.put("sourceIPAddress", "192.0.2.1");
        json.put("summary", "Test notification from Trailwatch to channel " + channel);
        json.put("detectedAt", now.toString());
        FindingFacts finding = FindingFacts.of(json);
        String key = "test-" + channel;
        return create(0, (int) (now.toEpochMilli() / 1000), Notification.TEST, key, null, channel, Map.of(),
                List.of(finding), List.of(TEST_FINDING_ID), List.of(), 1, 0, now);
    }

    /** The field values every finding shares (empty values left out). */
    static Map<String, String> commonLabels(List<FindingFacts> findings) {
        Map<String, String> common = new LinkedHashMap<>();
        if (findings.isEmpty()) {
            return common;
        }
        for (FindingField field : FindingField.values()) {
            if (field == FindingField.FINDING_ID && findings.size() > 1) {
                continue;
            }
            String first = findings.get(0).value(field);
            if (!first.isEmpty() && findings.stream().allMatch(f -> first.equals(f.value(field)))) {
                common.put(field.wireName(), first);
            }
        }
        return common;
    }

    /** The findings list of the UI filtered to what the group's findings share. */
    private URI groupUrl(Map<String, String> common) {
        StringBuilder query = new StringBuilder();
        for (FindingField field : List.of(FindingField.RULE_ID, FindingField.ACCOUNT_ID)) {
            String value = common.get(field.wireName());
            if (value != null) {
                query.append(query.isEmpty() ? "?" : "&").append(field.wireName()).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return URI.create(uiBase + "/findings" + query);
    }
}
