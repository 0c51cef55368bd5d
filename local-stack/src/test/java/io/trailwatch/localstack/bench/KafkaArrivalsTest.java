package io.trailwatch.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KafkaArrivalsTest {

    @Test
    void findsTheEventIdInARecordsBytes() {
        byte[] record = ("{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"Root\"},\"eventID\":"
                + "\"3b5c2a8e-7f41-4d0e-9a6b-2c1d8e4f7a90\",\"readOnly\":false}").getBytes(StandardCharsets.UTF_8);
        assertThat(KafkaArrivals.eventId(record)).isEqualTo("3b5c2a8e-7f41-4d0e-9a6b-2c1d8e4f7a90");
    }

    @Test
    void aRecordWithoutOneHasNone() {
        assertThat(KafkaArrivals.eventId("{\"eventName\":\"GetObject\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(KafkaArrivals.eventId("{\"eventID\":\"unterminated".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(KafkaArrivals.eventId(null)).isNull();
    }
}
