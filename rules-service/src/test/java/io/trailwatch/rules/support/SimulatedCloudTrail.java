package io.trailwatch.rules.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.rules.engine.cloudtrail.CloudTrailRecords;
import io.trailwatch.simulator.TrafficSimulator;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.sink.LogFileSink;
import io.trailwatch.simulator.sink.SinkException;
import io.trailwatch.simulator.traffic.Rhythm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Simulated organisation-wide CloudTrail (the simulator module, with its attack scenarios), one record at a time
 * in delivery order, as the collector would publish it: key = recipientAccountId, Kafka timestamp = the file's
 * delivery time. The same seed gives the same records.
 */
public final class SimulatedCloudTrail {

    /** Receives each record. */
    @FunctionalInterface
    public interface RecordSink {
        void accept(String key, byte[] value, long timestamp) throws IOException;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SimulatedCloudTrail() {
    }

    /** Generates {@code duration} of simulated traffic from {@code start}; returns the number of records. */
    public static long generate(long seed, Instant start, Duration duration, double eventsPerSecond, RecordSink sink) {
        long[] count = new long[1];
        LogFileSink files = new LogFileSink() {
            @Override
            public void deliver(LogFile file) throws SinkException {
                try {
                    CloudTrailRecords.forEach(new ByteArrayInputStream(file.content()), file.key(),
                            CloudTrailRecords.DEFAULT_MAX_BYTES, (index, record) -> {
                                String key = record.path("recipientAccountId").asText(file.accountId());
                                sink.accept(key, MAPPER.writeValueAsBytes(record), file.deliveryTime() * 1000);
                                count[0]++;
                            });
                } catch (IOException e) {
                    throw new SinkException("cannot hand over " + file.key() + ": " + e.getMessage(), false, e);
                }
            }

            @Override
            public String describe() {
                return "records";
            }
        };
        TrafficSimulator.builder().seed(seed).start(start).duration(duration).eventsPerSecond(eventsPerSecond)
                .rhythm(Rhythm.flat()).asFastAsPossible().retries(1, Duration.ofMillis(1)).sink(files).build()
                .start().await();
        return count[0];
    }
}
