package io.trailwatch.rules.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimesTest {

    static final long PUBLISHED = Instant.parse("2026-11-27T10:10:00Z").toEpochMilli();

    private final EventTimes eventTimes = new EventTimes(15 * 60_000);

    private long of(String json) {
        try {
            return eventTimes.of(TopologyHarness.MAPPER.readTree(json), PUBLISHED);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void usesTheTopLevelEventTime() {
        assertThat(of("{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"IAMUser\",\"sessionContext\":"
                + "{\"attributes\":{\"creationDate\":\"2026-01-01T00:00:00Z\"}},\"eventTime\":\"1999-01-01T00:00:00Z\"},"
                + "\"requestParameters\":[1,{\"eventTime\":\"x\"}],\"eventTime\":\"2026-11-27T10:04:31Z\"}"))
                .isEqualTo(Instant.parse("2026-11-27T10:04:31Z").toEpochMilli());
    }

    @Test
    void acceptsOtherIsoForms() {
        assertThat(of("{\"eventTime\":\"2026-11-27T10:04:31.250Z\"}"))
                .isEqualTo(Instant.parse("2026-11-27T10:04:31.250Z").toEpochMilli());
        assertThat(of("{\"eventTime\":\"2026-11-27T11:04:31+01:00\"}"))
                .isEqualTo(Instant.parse("2026-11-27T10:04:31Z").toEpochMilli());
    }

    @Test
    void hasNoneWhenTheEventTimeIsUnusable() {
        assertThat(of("{\"eventID\":\"x\"}")).isEqualTo(EventTimes.NONE);
        assertThat(of("{\"eventTime\":\"yesterday\"}")).isEqualTo(EventTimes.NONE);
        assertThat(of("{\"eventTime\":\"2026-13-27T10:04:31Z\"}")).isEqualTo(EventTimes.NONE);
        assertThat(of("{\"eventTime\":1764237871000}")).isEqualTo(EventTimes.NONE);
        assertThat(of("{\"eventTime\":\"1969-12-31T23:59:59Z\"}")).isEqualTo(EventTimes.NONE);
        assertThat(of("{\"eventTime\":null}")).isEqualTo(EventTimes.NONE);
        // More than 15 minutes after it was published: not trusted.
        assertThat(of("{\"eventTime\":\"2026-11-27T10:25:01Z\"}")).isEqualTo(EventTimes.NONE);
        assertThat(of("{\"eventTime\":\"2026-11-27T10:25:00Z\"}"))
                .isEqualTo(Instant.parse("2026-11-27T10:25:00Z").toEpochMilli());
    }
}
