package io.trailwatch.query.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trailwatch.contracts.EventTimeText;
import io.trailwatch.query.repository.EventRow;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Picks the searchable columns out of a CloudTrail record in one streaming pass: ingestion reads thousands of records
 * a second and needs about twenty values of each, so no tree of the whole record is built (building it was the
 * largest part of the service's ingestion CPU). The pass still reads the whole text, so what PostgreSQL would refuse
 * as jsonb (malformed JSON, content after the object) is refused here, for this record alone.
 */
final class EventMapper {

    /** The top-level fields kept as they are. */
    private static final Set<String> TOP_LEVEL = Set.of("eventID", "eventTime", "recipientAccountId", "awsRegion",
            "eventSource", "eventName", "eventType", "sourceIPAddress", "userAgent", "errorCode", "errorMessage");

    private EventMapper() {
    }

    /** The values of the record's userIdentity; a repeated key replaces the whole object, as in a JSON tree. */
    private static final class Identity {
        String type;
        String userName;
        String invokedBy;
        String arn;
        String accountId;
        String accessKeyId;
        String issuerUserName;
        String issuerArn;
    }

    /** The row for {@code json}; refuses a record without eventID or a readable eventTime. */
    static EventRow toRow(ObjectMapper mapper, String json) throws IOException {
        Map<String, String> top = new HashMap<>();
        Identity identity = new Identity();
        Boolean readOnly = null;
        String consoleLogin = null;
        String mfaUsed = null;
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "userIdentity" -> identity = identity(parser);
                    case "readOnly" -> readOnly = readOnly(parser);
                    case "responseElements" -> consoleLogin = member(parser, "ConsoleLogin");
                    case "additionalEventData" -> mfaUsed = member(parser, "MFAUsed");
                    default -> {
                        if (TOP_LEVEL.contains(field)) {
                            top.put(field, scalar(parser));
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("content follows the record's closing brace");
            }
        }
        String eventId = top.get("eventID");
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("record has no eventID");
        }
        Instant eventTime = time(top.get("eventTime"));
        String stored = json;
        if (json.contains("\\u0000")) {
            // PostgreSQL text and jsonb cannot hold U+0000; an attacker can put it in any string of a record.
            stored = mapper.writeValueAsString(withoutNul(mapper.readTree(json)));
        }
        String principalName = firstNonNull(identity.userName, identity.issuerUserName);
        if (principalName == null && "AWSService".equals(identity.type)) {
            principalName = identity.invokedBy;
        }
        String sourceIp = top.get("sourceIPAddress");
        return new EventRow(
                eventId,
                eventTime,
                firstNonNull(top.get("recipientAccountId"), firstNonNull(identity.accountId, "unknown")),
                top.get("awsRegion"),
                top.get("eventSource"),
                top.get("eventName"),
                top.get("eventType"),
                identity.type,
                firstNonNull(identity.arn, identity.issuerArn),
                principalName,
                identity.accountId,
                blankToNull(identity.accessKeyId),
                sourceIp,
                IpLiterals.canonical(sourceIp),
                top.get("userAgent"),
                top.get("errorCode"),
                top.get("errorMessage"),
                readOnly,
                consoleLogin,
                mfaUsed,
                stored);
    }

    private static Identity identity(JsonParser parser) throws IOException {
        Identity identity = new Identity();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return identity;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "type" -> identity.type = scalar(parser);
                case "userName" -> identity.userName = scalar(parser);
                case "invokedBy" -> identity.invokedBy = scalar(parser);
                case "arn" -> identity.arn = scalar(parser);
                case "accountId" -> identity.accountId = scalar(parser);
                case "accessKeyId" -> identity.accessKeyId = scalar(parser);
                case "sessionContext" -> sessionIssuer(parser, identity);
                default -> parser.skipChildren();
            }
        }
        return identity;
    }

    /** Reads sessionContext, keeping its sessionIssuer's userName and arn. */
    private static void sessionIssuer(JsonParser parser, Identity identity) throws IOException {
        identity.issuerUserName = null;
        identity.issuerArn = null;
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean issuer = "sessionIssuer".equals(parser.currentName());
            parser.nextToken();
            if (!issuer) {
                parser.skipChildren();
                continue;
            }
            identity.issuerUserName = null;
            identity.issuerArn = null;
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "userName" -> identity.issuerUserName = scalar(parser);
                    case "arn" -> identity.issuerArn = scalar(parser);
                    default -> parser.skipChildren();
                }
            }
        }
    }

    /** The scalar value of {@code name} in the object at the parser (null when absent), reading past the object. */
    private static String member(JsonParser parser, String name) throws IOException {
        String value = null;
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean wanted = name.equals(parser.currentName());
            parser.nextToken();
            if (wanted) {
                value = scalar(parser);
            } else {
                parser.skipChildren();
            }
        }
        return value;
    }

    /** The value at the parser as text without U+0000; null for null, object and array values (read past). */
    private static String scalar(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        return token == JsonToken.VALUE_NULL ? null : clean(parser.getText());
    }

    /** readOnly as AWS writes it (a boolean), or as some tools rewrite it (a string); null otherwise. */
    private static Boolean readOnly(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        String text = scalar(parser);
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        return "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
    }

    /** eventTime as an instant (see {@link EventTimeText}); refuses a missing or unreadable one. */
    static Instant time(String value) {
        if (value == null) {
            throw new IllegalArgumentException("record has no eventTime");
        }
        Instant time = EventTimeText.parse(value);
        if (time == null) {
            throw new IllegalArgumentException("eventTime '" + value + "' is not an ISO-8601 time");
        }
        return time;
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

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
