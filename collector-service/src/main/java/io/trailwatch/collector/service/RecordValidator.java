package io.trailwatch.collector.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.contracts.RejectionReason;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Checks that one record is a CloudTrail record (a JSON object with eventID and a parseable eventTime) and picks
 * out what its Kafka message needs.
 */
@ApplicationScoped
public class RecordValidator {

    /** Why one record was refused. */
    public record Problem(RejectionReason reason, String message) {
    }

    /** Either a record or the problem with it. */
    public record Result(CloudTrailRecord record, Problem problem) {
    }

    private final ObjectMapper mapper;

    public RecordValidator(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Result validate(byte[] json) {
        JsonNode node;
        try (JsonParser parser = mapper.createParser(json)) {
            node = mapper.readTree(parser);
            if (parser.nextToken() != null && parser.currentToken() != JsonToken.NOT_AVAILABLE) {
                return problem(RejectionReason.NOT_JSON, "record is followed by unexpected data");
            }
        } catch (IOException e) {
            return problem(RejectionReason.NOT_JSON, "record is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            return problem(RejectionReason.BAD_RECORD, "record is not a JSON object");
        }
        String eventID = text(node, "eventID");
        if (eventID == null || eventID.isBlank()) {
            return problem(RejectionReason.MISSING_FIELD, "record has no eventID");
        }
        String eventTime = text(node, "eventTime");
        if (eventTime == null) {
            return problem(RejectionReason.MISSING_FIELD, "record " + eventID + " has no eventTime");
        }
        try {
            OffsetDateTime.parse(eventTime);
        } catch (DateTimeParseException e) {
            return problem(RejectionReason.BAD_RECORD,
                    "record " + eventID + " has an eventTime that is not an ISO-8601 time: " + eventTime);
        }
        boolean insight = "AwsCloudTrailInsight".equals(text(node, "eventType"));
        return new Result(new CloudTrailRecord(json, eventID, accountOf(node), insight), null);
    }

    private static String accountOf(JsonNode node) {
        String recipient = text(node, "recipientAccountId");
        if (recipient != null) {
            return recipient;
        }
        JsonNode identity = node.get("userIdentity");
        String acting = identity == null ? null : text(identity, "accountId");
        return acting != null ? acting : "unknown";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static Result problem(RejectionReason reason, String message) {
        return new Result(null, new Problem(reason, message));
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
