package io.trailwatch.alert.client;

import io.quarkus.qute.TemplateData;
import io.trailwatch.alert.model.FindingField;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.NotifiedFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The human-readable parts every chat, ticket and mail format shares: the facts of a group and one line per
 * finding. Plain text: each format escapes it for itself.
 */
public final class NotificationText {

    /** A labelled value. */
    @TemplateData
    public record Fact(String label, String value) {
    }

    private static final List<Map.Entry<FindingField, String>> FACT_FIELDS = List.of(
            Map.entry(FindingField.RULE_ID, "Rule"),
            Map.entry(FindingField.ACCOUNT_ID, "Account"),
            Map.entry(FindingField.REGION, "Region"),
            Map.entry(FindingField.USER_NAME, "User"),
            Map.entry(FindingField.PRINCIPAL_ARN, "Principal"),
            Map.entry(FindingField.SOURCE_IP, "Source IP"),
            Map.entry(FindingField.COUNTRY, "Country"),
            Map.entry(FindingField.EVENT_NAME, "Event"));

    private NotificationText() {
    }

    public static List<Fact> facts(Notification n) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Severity", n.severity().wireName()));
        facts.add(new Fact("Status", n.status()));
        facts.add(new Fact("Findings", count(n)));
        for (Map.Entry<FindingField, String> f : FACT_FIELDS) {
            String value = n.commonLabels().get(f.getKey().wireName());
            if (value != null && !value.isBlank()) {
                facts.add(new Fact(f.getValue(), value));
            }
        }
        return facts;
    }

    public static String count(Notification n) {
        StringBuilder text = new StringBuilder();
        text.append(n.firingCount()).append(" firing");
        if (n.newCount() > 0) {
            text.append(", ").append(n.newCount()).append(" new");
        }
        if (n.resolvedCount() > 0) {
            text.append(", ").append(n.resolvedCount()).append(" resolved");
        }
        return text.toString();
    }

    /** One line about a finding: status, severity, its summary, and where and when. */
    public static String line(NotifiedFinding f) {
        StringBuilder line = new StringBuilder();
        line.append('[').append(f.resolved() ? "resolved" : f.severity().wireName()).append("] ");
        line.append(TextSafety.singleLine(f.summary()));
        String account = f.value(FindingField.ACCOUNT_ID);
        String region = f.value(FindingField.REGION);
        if (!account.isEmpty() || !region.isEmpty()) {
            line.append(" (").append(account);
            if (!region.isEmpty()) {
                line.append(account.isEmpty() ? "" : ", ").append(region);
            }
            line.append(')');
        }
        String time = f.json().path("eventTime").asText("");
        if (!time.isEmpty()) {
            line.append(" at ").append(time);
        }
        return line.toString();
    }

    /** Plain-text body: headline, facts, findings, links. */
    public static String plain(Notification n) {
        StringBuilder text = new StringBuilder();
        text.append(TextSafety.singleLine(n.headline())).append("\n\n");
        for (Fact fact : facts(n)) {
            text.append(fact.label()).append(": ").append(TextSafety.singleLine(fact.value())).append('\n');
        }
        text.append('\n');
        for (NotifiedFinding f : n.findings()) {
            text.append("- ").append(line(f)).append("\n  ").append(f.url()).append('\n');
        }
        if (n.truncated() > 0) {
            text.append("- and ").append(n.truncated()).append(" more\n");
        }
        text.append("\nView in Trailwatch: ").append(n.url()).append('\n');
        text.append("Group key: ").append(n.groupKey()).append('\n');
        return text.toString();
    }
}
