package io.trailwatch.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * A CloudTrail record's {@code eventTime} as an instant. CloudTrail writes {@code 2026-11-27T10:04:31Z}, which is
 * read here without a formatter: every service reads it for every record, and the formatter took a noticeable
 * share of their CPU. Any other ISO-8601 time with an offset goes through {@link OffsetDateTime#parse}.
 */
public final class EventTimeText {

    private EventTimeText() {
    }

    /** The instant {@code text} names, or null when it is not an ISO-8601 time with an offset. */
    public static Instant parse(String text) {
        Instant plain = plainUtc(text);
        if (plain != null) {
            return plain;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ} as an instant; null for any other text, or a date or time out of range. */
    private static Instant plainUtc(String v) {
        if (v.length() != 20 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T'
                || v.charAt(13) != ':' || v.charAt(16) != ':' || v.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
    }

    /** The decimal number of {@code length} digits at {@code from}; -1 when one of them is not a digit. */
    private static int digits(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
