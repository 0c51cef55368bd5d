package io.trailwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.simulator.delivery.LogFile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LateDeliveryTest {

    @Test
    void recordsArriveMinutesLateSomeMuchLaterAndNeverBeforeTheyHappen() {
        long late = 0;
        long total = 0;
        long maxDelay = 0;
        long delaySum = 0;
        for (LogFile f : Generated.standardRun().files) {
            for (JsonNode r : Generated.records(f)) {
                long eventTime = Instant.parse(r.get("eventTime").asText()).getEpochSecond();
                long delay = f.deliveryTime() - eventTime;
                assertThat(delay).as("delivered after it happened").isPositive();
                maxDelay = Math.max(maxDelay, delay);
                delaySum += delay;
                total++;
                if (delay > 10 * 60) {
                    late++;
                }
            }
        }
        assertThat(delaySum / total).as("average delay about five minutes").isBetween(180L, 420L);
        assertThat(late).as("some records more than 10 minutes late").isPositive();
        assertThat(late).isLessThan(total / 20);
        assertThat(maxDelay).isGreaterThan(15 * 60);
    }

    @Test
    void recordsInAFileAreOutOfOrder() {
        int filesOutOfOrder = 0;
        for (LogFile f : Generated.standardRun().files) {
            List<JsonNode> records = Generated.records(f);
            for (int i = 1; i < records.size(); i++) {
                if (records.get(i).get("eventTime").asText().compareTo(records.get(i - 1).get("eventTime").asText())
                        < 0) {
                    filesOutOfOrder++;
                    break;
                }
            }
        }
        assertThat(filesOutOfOrder).isGreaterThan(Generated.standardRun().files.size() / 3);
    }
}
