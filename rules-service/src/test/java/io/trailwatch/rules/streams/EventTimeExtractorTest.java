package io.trailwatch.rules.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventTimeExtractorTest {

    static final long PUBLISHED = Instant.parse("2026-11-27T10:10:00Z").toEpochMilli();
    static final long PARTITION_TIME = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();

    private final EventTimeExtractor extractor = new EventTimeExtractor(15 * 60_000);

    private long extract(String value) {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("events", 0, 0, PUBLISHED,
                TimestampType.CREATE_TIME, 0, 0, "k", value.getBytes(StandardCharsets.UTF_8), new RecordHeaders(),
                java.util.Optional.empty());
        return extractor.extract(record, PARTITION_TIME);
    }

    @Test
    void usesTheTopLevelEventTime() {
        assertThat(extract("{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"IAMUser\",\"sessionContext\":"
                + "{\"attributes\":{\"creationDate\":\"2026-01-01T00:00:00Z\"}},\"eventTime\":\"1999-01-01T00:00:00Z\"},"
                + "\"requestParameters\":[1,{\"eventTime\":\"x\"}],\"eventTime\":\"2026-11-27T10:04:31Z\"}"))
                .isEqualTo(Instant.parse("2026-11-27T10:04:31Z").toEpochMilli());
    }

    @Test
    void acceptsOtherIsoForms() {
        assertThat(extract("{\"eventTime\":\"2026-11-27T10:04:31.250Z\"}"))
                .isEqualTo(Instant.parse("2026-11-27T10:04:31.250Z").toEpochMilli());
        assertThat(extract("{\"eventTime\":\"2026-11-27T11:04:31+01:00\"}"))
                .isEqualTo(Instant.parse("2026-11-27T10:04:31Z").toEpochMilli());
    }

    @Test
    void fallsBackToThePartitionTimeWhenTheEventTimeIsUnusable() {
        assertThat(extract("{\"eventID\":\"x\"}")).isEqualTo(PARTITION_TIME);
        assertThat(extract("{\"eventTime\":\"yesterday\"}")).isEqualTo(PARTITION_TIME);
        assertThat(extract("{\"eventTime\":\"2026-13-27T10:04:31Z\"}")).isEqualTo(PARTITION_TIME);
        assertThat(extract("{\"eventTime\":1764237871000}")).isEqualTo(PARTITION_TIME);
        assertThat(extract("{\"eventTime\":\"1969-12-31T23:59:59Z\"}")).isEqualTo(PARTITION_TIME);
        assertThat(extract("not json")).isEqualTo(PARTITION_TIME);
        assertThat(extract("[1,2]")).isEqualTo(PARTITION_TIME);
        // More than 15 minutes after it was published: not trusted.
        assertThat(extract("{\"eventTime\":\"2026-11-27T10:25:01Z\"}")).isEqualTo(PARTITION_TIME);
        assertThat(extract("{\"eventTime\":\"2026-11-27T10:25:00Z\"}"))
                .isEqualTo(Instant.parse("2026-11-27T10:25:00Z").toEpochMilli());
    }
}
