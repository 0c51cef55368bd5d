package io.trailwatch.alert.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.model.FindingField;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.NotifiedFinding;
import java.util.List;

/** Compact JSON about a notification's findings, for receivers that keep structured details (PagerDuty, Opsgenie). */
final class FindingSummaries {

    private static final List<FindingField> FIELDS = List.of(FindingField.FINDING_ID, FindingField.RULE_ID,
            FindingField.TITLE, FindingField.SEVERITY, FindingField.ACCOUNT_ID, FindingField.REGION,
            FindingField.EVENT_NAME, FindingField.PRINCIPAL_ARN, FindingField.SOURCE_IP, FindingField.COUNTRY);

    private FindingSummaries() {
    }

    static ArrayNode of(ObjectMapper mapper, Notification n, int max) {
        ArrayNode list = mapper.createArrayNode();
        for (NotifiedFinding f : n.findings().stream().limit(max).toList()) {
            ObjectNode item = list.addObject();
            for (FindingField field : FIELDS) {
                String value = f.value(field);
                if (!value.isEmpty()) {
                    item.put(field.wireName(), value);
                }
            }
            item.put("eventTime", f.json().path("eventTime").asText(""));
            item.put("summary", f.summary());
            item.put("status", f.status());
            item.put("url", f.url().toString());
        }
        return list;
    }

    /** The event time of the first finding, else when the notification was created. */
    static String timestamp(Notification n) {
        return n.findings().stream().map(f -> f.json().path("eventTime").asText(""))
                .filter(t -> !t.isEmpty()).findFirst().orElse(n.createdAt().toString());
    }
}
