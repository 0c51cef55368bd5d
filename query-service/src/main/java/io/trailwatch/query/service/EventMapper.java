package io.trailwatch.query.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.query.repository.EventEntity;
import java.time.OffsetDateTime;

/** Picks the searchable columns out of a CloudTrail record. */
final class EventMapper {

    private EventMapper() {
    }

    static EventEntity toEntity(JsonNode record, String json) {
        EventEntity row = new EventEntity();
        row.eventId = text(record, "eventID");
        row.eventTime = OffsetDateTime.parse(text(record, "eventTime")).toInstant();
        JsonNode identity = record.path("userIdentity");
        String recipient = text(record, "recipientAccountId");
        row.accountId = recipient != null ? recipient : firstNonNull(text(identity, "accountId"), "unknown");
        row.region = text(record, "awsRegion");
        row.eventSource = text(record, "eventSource");
        row.eventName = text(record, "eventName");
        row.principalType = text(identity, "type");
        row.principalArn = firstNonNull(text(identity, "arn"),
                text(identity.path("sessionContext").path("sessionIssuer"), "arn"));
        row.principalName = firstNonNull(text(identity, "userName"),
                text(identity.path("sessionContext").path("sessionIssuer"), "userName"));
        row.sourceIp = text(record, "sourceIPAddress");
        row.userAgent = text(record, "userAgent");
        row.errorCode = text(record, "errorCode");
        JsonNode readOnly = record.get("readOnly");
        row.readOnly = readOnly != null && readOnly.isBoolean() ? readOnly.booleanValue() : null;
        row.record = json;
        return row;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
