package io.trailwatch.query.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventWriterTest {

    @Test
    void writesTimestampsAsInstantDoes() {
        for (Instant time : List.of(Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2024-02-29T23:59:59Z"),
                Instant.EPOCH, Instant.parse("0999-01-02T03:04:05Z"), Instant.parse("2026-11-27T10:00:00.001Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-30T12:00:00Z"))) {
            assertThat(EventWriter.timestampText(time)).as(time.toString()).isEqualTo(time.toString());
        }
    }
}
