package io.trailwatch.collector.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.contracts.RejectionReason;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Checks that one record is a CloudTrail record (a JSON object with eventID and a parseable eventTime) and picks
 * out what its Kafka message needs. It streams over the record's tokens instead of building a tree: it is on the
 * path of every record, and only five fields matter.
 */
@ApplicationScoped
public class RecordValidator {

    /** Why one record was refused. */
    public record Problem(RejectionReason reason, String message) {
    }

    /** Either a record or the problem with it. */
    public record Result(CloudTrailRecord record, Problem problem) {
    }

    private final JsonFactory json;

    public RecordValidator(ObjectMapper mapper) {
        this.json = mapper.getFactory();
    }

    public Result validate(byte[] bytes) {
        Fields fields = new Fields();
        try (JsonParser parser = json.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                if (first == null) {
                    return problem(RejectionReason.NOT_JSON, "record is empty");
                }
                parser.skipChildren();
                if (parser.nextToken() != null) {
                    return problem(RejectionReason.NOT_JSON, "record is followed by unexpected data");
                }
                return problem(RejectionReason.BAD_RECORD, "record is not a JSON object");
            }
            readTopLevel(parser, fields);
            if (parser.nextToken() != null) {
                return problem(RejectionReason.NOT_JSON, "record is followed by unexpected data");
            }
        } catch (IOException e) {
            return problem(RejectionReason.NOT_JSON, "record is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (fields.eventID == null || fields.eventID.isBlank()) {
            return problem(RejectionReason.MISSING_FIELD, "record has no eventID");
        }
        if (fields.eventTime == null) {
            return problem(RejectionReason.MISSING_FIELD, "record " + fields.eventID + " has no eventTime");
        }
        try {
            OffsetDateTime.parse(fields.eventTime);
        } catch (DateTimeParseException e) {
            return problem(RejectionReason.BAD_RECORD,
                    "record " + fields.eventID + " has an eventTime that is not an ISO-8601 time: " + fields.eventTime);
        }
        String account = fields.recipientAccountId != null ? fields.recipientAccountId
                : fields.actingAccountId != null ? fields.actingAccountId : "unknown";
        boolean insight = "AwsCloudTrailInsight".equals(fields.eventType);
        return new Result(new CloudTrailRecord(bytes, fields.eventID, account, insight), null);
    }

    private static void readTopLevel(JsonParser parser, Fields fields) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "eventID" -> fields.eventID = textOrNull(parser, value);
                case "eventTime" -> fields.eventTime = textOrNull(parser, value);
                case "eventType" -> fields.eventType = textOrNull(parser, value);
                case "recipientAccountId" -> fields.recipientAccountId = textOrNull(parser, value);
                case "userIdentity" -> {
                    fields.actingAccountId = null;
                    if (value == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String inner = parser.currentName();
                            JsonToken innerValue = parser.nextToken();
                            if ("accountId".equals(inner)) {
                                fields.actingAccountId = textOrNull(parser, innerValue);
                            } else {
                                parser.skipChildren();
                            }
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }
    }

    private static String textOrNull(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    private static Result problem(RejectionReason reason, String message) {
        return new Result(null, new Problem(reason, message));
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The fields of one record that matter here; later duplicates of a field win, as in a JSON tree. */
    private static final class Fields {
        String eventID;
        String eventTime;
        String eventType;
        String recipientAccountId;
        String actingAccountId;
    }
}
