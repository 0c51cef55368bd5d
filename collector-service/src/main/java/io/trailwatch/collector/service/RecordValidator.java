package io.trailwatch.collector.service;

import io.trailwatch.contracts.EventTimeText;
import io.trailwatch.contracts.RejectionReason;
import jakarta.inject.Singleton;

/**
 * Checks that one record is a CloudTrail record (a JSON object with eventID and a parseable eventTime) and picks
 * out what its Kafka message needs, from what {@link RecordScanner} found while the file was split. It checks
 * CloudTrail's own time format without a general date parser: it is on the path of every record. (A singleton: no
 * client proxy on a per-record call.)
 */
@Singleton
public class RecordValidator {

    /** Why one record was refused. */
    public record Problem(RejectionReason reason, String message) {
    }

    /** Either a record or the problem with it. */
    public record Result(CloudTrailRecord record, Problem problem) {
    }

    /** Checks a record the splitter scanned. */
    Result validate(byte[] bytes, ScannedRecord fields) {
        if (fields.malformed() != null) {
            return problem(RejectionReason.NOT_JSON, "record is not valid JSON: " + fields.malformed());
        }
        if (!fields.object()) {
            return problem(RejectionReason.BAD_RECORD, "record is not a JSON object");
        }
        if (fields.eventID() == null || fields.eventID().isBlank()) {
            return problem(RejectionReason.MISSING_FIELD, "record has no eventID");
        }
        if (fields.eventTime() == null) {
            return problem(RejectionReason.MISSING_FIELD, "record " + fields.eventID() + " has no eventTime");
        }
        if (!isIsoTime(fields.eventTime())) {
            return problem(RejectionReason.BAD_RECORD, "record " + fields.eventID()
                    + " has an eventTime that is not an ISO-8601 time: " + fields.eventTime());
        }
        String account = fields.recipientAccountId() != null ? fields.recipientAccountId()
                : fields.actingAccountId() != null ? fields.actingAccountId() : "unknown";
        boolean insight = "AwsCloudTrailInsight".equals(fields.eventType());
        return new Result(new CloudTrailRecord(bytes, fields.eventID(), account, insight), null);
    }

    /** Whether the text is an ISO-8601 time with an offset (see {@link EventTimeText}). */
    static boolean isIsoTime(String time) {
        return EventTimeText.parse(time) != null;
    }

    private static Result problem(RejectionReason reason, String message) {
        return new Result(null, new Problem(reason, message));
    }
}
