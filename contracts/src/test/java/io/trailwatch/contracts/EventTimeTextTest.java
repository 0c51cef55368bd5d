package io.trailwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class EventTimeTextTest {

    @Test
    void readsCloudTrailsFormAndAnyOtherIsoTimeWithAnOffset() {
        for (String time : new String[] {"2026-11-27T10:04:31Z", "2028-02-29T23:59:59Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z", "2026-11-27T10:04:31.123Z", "2026-11-27T10:04:31+01:00"}) {
            assertThat(EventTimeText.parse(time)).as(time).isEqualTo(OffsetDateTime.parse(time).toInstant());
        }
        assertThat(EventTimeText.parse("1970-01-01T00:00:01Z")).isEqualTo(Instant.ofEpochSecond(1));
    }

    @Test
    void refusesWhatIsNotATimeOrNotARealOne() {
        for (String time : new String[] {"2026-02-29T10:04:31Z", "2026-13-27T10:04:31Z", "2026-11-31T10:04:31Z",
                "2026-11-27T24:04:31Z", "2026-11-27T10:60:31Z", "2026-11-27T10:04:60Z", "2026-11-27X10:04:31Z",
                "2O26-11-27T10:04:31Z", "2026-11-27T10:04:31", "yesterday", ""}) {
            assertThat(EventTimeText.parse(time)).as(time).isNull();
        }
    }
}
