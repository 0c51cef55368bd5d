package io.trailwatch.rules.streams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time for the events topic: the record's {@code eventTime}, read with a streaming scan of the top-level
 * fields (CloudTrail writes it third, after {@code userIdentity}), so the record is not parsed twice.
 *
 * <p>A record without a usable eventTime, or with one further ahead of the record's Kafka timestamp (when the
 * collector published it) than {@code maxSkewMillis}, gets the partition's current stream time: it is still
 * evaluated by the rules, but it cannot move event time (a bogus future eventTime would otherwise close every
 * open outlier slice at once).
 */
public final class EventTimeExtractor implements TimestampExtractor {

    private static final JsonFactory JSON = new JsonFactory();

    private final long maxSkewMillis;

    public EventTimeExtractor(long maxSkewMillis) {
        this.maxSkewMillis = maxSkewMillis;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long fallback = Math.max(partitionTime, 0);
        if (!(record.value() instanceof byte[] bytes)) {
            return fallback;
        }
        long eventTime = eventTimeMillis(bytes);
        if (eventTime < 0 || (record.timestamp() >= 0 && eventTime - maxSkewMillis > record.timestamp())) {
            return fallback;
        }
        return eventTime;
    }

    /** Epoch milliseconds of the top-level {@code eventTime}, or -1 when there is none (or it is before 1970). */
    public static long eventTimeMillis(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("eventTime".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? parseTime(parser.getText()) : -1;
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** ISO-8601 with an offset; CloudTrail's {@code 2026-11-27T10:04:31Z} takes the fast path. */
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
