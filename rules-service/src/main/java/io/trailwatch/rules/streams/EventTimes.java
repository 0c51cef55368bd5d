package io.trailwatch.rules.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The event time the outlier detectors count a record in: its top-level {@code eventTime}, read from the record
 * the rules have parsed already (a timestamp extractor would parse every record a second time).
 *
 * <p>A record without a usable eventTime, or with one further ahead of the record's Kafka timestamp (when the
 * collector published it) than {@code maxSkewMillis}, has none: the rules still evaluate it, but it is not counted
 * and cannot move event time (a bogus future eventTime would otherwise close every open outlier slice at once).
 */
final class EventTimes {

    /** No trusted event time. */
    static final long NONE = -1;

    private final long maxSkewMillis;

    EventTimes(long maxSkewMillis) {
        this.maxSkewMillis = maxSkewMillis;
    }

    /** Epoch milliseconds of the record's eventTime, or {@link #NONE}; {@code publishedMillis} may be negative. */
    long of(JsonNode record, long publishedMillis) {
        JsonNode time = record.get("eventTime");
        if (time == null || !time.isTextual()) {
            return NONE;
        }
        long eventTime = parseTime(time.textValue());
        if (eventTime < 0 || (publishedMillis >= 0 && eventTime - maxSkewMillis > publishedMillis)) {
            return NONE;
        }
        return eventTime;
    }

    /** ISO-8601 with an offset, or -1; CloudTrail's {@code 2026-11-27T10:04:31Z} takes the fast path. */
    static long parseTime(String text) {
        try {
            long millis;
            if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                    && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
                millis = LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2),
                        digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2))
                        .toEpochSecond(ZoneOffset.UTC) * 1000;
            } else {
                millis = OffsetDateTime.parse(text).toInstant().toEpochMilli();
            }
            return millis >= 0 ? millis : -1;
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return -1;
        }
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a digit in " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
