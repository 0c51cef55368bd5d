package io.trailwatch.query.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trailwatch.query.repository.EventRow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/** Picks the searchable columns out of a CloudTrail record. */
final class EventMapper {

    private EventMapper() {
    }

    /** The row for {@code json}; refuses a record without eventID or a readable eventTime. */
    static EventRow toRow(ObjectMapper mapper, String json) throws Exception {
        JsonNode record = mapper.readTree(json);
        if (record == null || !record.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String eventId = text(record, "eventID");
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("record has no eventID");
        }
        Instant eventTime = time(text(record, "eventTime"));
        String stored = json;
        if (json.contains("\\u0000")) {
            // PostgreSQL text and jsonb cannot hold U+0000; an attacker can put it in any string of a record.
            stored = mapper.writeValueAsString(withoutNul(record));
        }
        JsonNode identity = record.path("userIdentity");
        JsonNode issuer = identity.path("sessionContext").path("sessionIssuer");
        String recipient = text(record, "recipientAccountId");
        String principalType = text(identity, "type");
        String principalName = firstNonNull(text(identity, "userName"), text(issuer, "userName"));
        if (principalName == null && "AWSService".equals(principalType)) {
            principalName = text(identity, "invokedBy");
        }
        String sourceIp = text(record, "sourceIPAddress");
        return new EventRow(
                eventId,
                eventTime,
                firstNonNull(recipient, firstNonNull(text(identity, "accountId"), "unknown")),
                text(record, "awsRegion"),
                text(record, "eventSource"),
                text(record, "eventName"),
                text(record, "eventType"),
                principalType,
                firstNonNull(text(identity, "arn"), text(issuer, "arn")),
                principalName,
                text(identity, "accountId"),
                blankToNull(text(identity, "accessKeyId")),
                sourceIp,
                IpLiterals.canonical(sourceIp),
                text(record, "userAgent"),
                text(record, "errorCode"),
                text(record, "errorMessage"),
                readOnly(record.get("readOnly")),
                text(record.path("responseElements"), "ConsoleLogin"),
                text(record.path("additionalEventData"), "MFAUsed"),
                stored);
    }

    static Instant time(String value) {
        if (value == null) {
            throw new IllegalArgumentException("record has no eventTime");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("eventTime '" + value + "' is not an ISO-8601 time");
        }
    }

    /** A value field as text without U+0000; null for missing, null, object and array values. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? clean(value.asText()) : null;
    }

    static String clean(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    /** A copy of {@code node} whose strings (values and field names) hold no U+0000. */
    static JsonNode withoutNul(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(clean(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(clean(field.getKey()), withoutNul(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = ((com.fasterxml.jackson.databind.node.ArrayNode) node).arrayNode();
            node.forEach(element -> copy.add(withoutNul(element)));
            return copy;
        }
        return node;
    }

    /** readOnly as AWS writes it (a boolean), or as some tools rewrite it (a string); null when absent. */
    private static Boolean readOnly(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText();
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        return "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
