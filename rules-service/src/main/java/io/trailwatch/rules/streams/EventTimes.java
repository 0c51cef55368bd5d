package io.trailwatch.rules.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.contracts.EventTimeText;
import java.time.Instant;

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

    /** Epoch milliseconds of an ISO-8601 time with an offset (see {@link EventTimeText}), or -1. */
    static long parseTime(String text) {
        Instant time = EventTimeText.parse(text);
        if (time == null) {
            return -1;
        }
        try {
            long millis = time.toEpochMilli();
            return millis >= 0 ? millis : -1;
        } catch (ArithmeticException e) {
            return -1;
        }
    }
}
