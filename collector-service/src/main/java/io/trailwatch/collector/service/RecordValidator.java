package io.trailwatch.collector.service;

import io.trailwatch.contracts.RejectionReason;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

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

    /** CloudTrail writes {@code 2026-11-27T10:04:31Z}; anything else goes through the general parser. */
    static boolean isIsoTime(String time) {
        if (time.length() == 20 && time.charAt(19) == 'Z' && time.charAt(4) == '-' && time.charAt(7) == '-'
                && time.charAt(10) == 'T' && time.charAt(13) == ':' && time.charAt(16) == ':') {
            int month = number(time, 5);
            int day = number(time, 8);
            int hour = number(time, 11);
            int minute = number(time, 14);
            int second = number(time, 17);
            return number(time, 0) >= 0 && number(time, 2) >= 0 && month >= 1 && month <= 12 && day >= 1
                    && day <= java.time.YearMonth.of(number(time, 0) * 100 + number(time, 2), month).lengthOfMonth()
                    && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
        }
        try {
            OffsetDateTime.parse(time);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The two-digit number at {@code at}, or -1. */
    private static int number(String text, int at) {
        char tens = text.charAt(at);
        char ones = text.charAt(at + 1);
        if (tens < '0' || tens > '9' || ones < '0' || ones > '9') {
            return -1;
        }
        return (tens - '0') * 10 + (ones - '0');
    }

    private static Result problem(RejectionReason reason, String message) {
        return new Result(null, new Problem(reason, message));
    }
}
