package io.trailwatch.query.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** One entry of alert-service's delivery log, as the finding and alerts pages list it. */
public record DeliveryRow(long id, String channel, String channelType, String route, String kind, String status,
                          int attempts, String responseCode, String lastError, String externalRef,
                          List<String> findingIds, Instant createdAt, Instant deliveredAt) {

    static DeliveryRow of(JsonNode d) {
        return new DeliveryRow(d.path("id").asLong(), text(d, "channel"), text(d, "channelType"), text(d, "route"),
                text(d, "kind"), text(d, "status"), d.path("attempts").asInt(), text(d, "responseCode"),
                text(d, "lastError"), text(d, "externalRef"), AlertConfigViews.texts(d.path("findingIds")),
                instant(d, "createdAt"), instant(d, "deliveredAt"));
    }

    static List<DeliveryRow> listOf(JsonNode items) {
        List<DeliveryRow> rows = new ArrayList<>();
        items.forEach(item -> rows.add(of(item)));
        return rows;
    }

    /** The first finding the notification lists, or null. */
    public String firstFindingId() {
        return findingIds.isEmpty() ? null : findingIds.get(0);
    }

    /** How many findings the notification lists besides the first. */
    public int moreFindings() {
        return Math.max(0, findingIds.size() - 1);
    }

    /** The CSS class of the status badge: delivered is good, failed bad, the rest neutral. */
    public String statusClass() {
        return switch (status == null ? "" : status) {
            case "delivered" -> "status-resolved";
            case "failed" -> "status-open";
            default -> "status-acknowledged";
        };
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null || text.isBlank() || text.equals("null")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
