package io.trailwatch.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The output formats of kafka-tools 4.1.2's ProducerPerformance and ConsumerPerformance. */
class RawKafkaRatesTest {

    @Test
    void producerRateLeavesOutTheFirstReport() {
        // 100,000 records in the first 5 s, then 300,000 in the next 3 s: the summary says 400,000 in 8 s.
        String output = """
                100000 records sent, 20000.0 records/sec (28.00 MB/sec), 812.4 ms avg latency, 1500.0 ms max latency.
                400000 records sent, 50000.0 records/sec (70.00 MB/sec), 790.12 ms avg latency, 1712.00 ms max \
                latency, 701 ms 50th, 1400 ms 95th, 1650 ms 99th, 1700 ms 99.9th.
                """;
        RawKafkaRates.Rate rate = RawKafkaRates.parseProducer(output);
        assertThat(rate.records()).isEqualTo(300_000);
        assertThat(rate.recordsPerSecond()).isCloseTo(100_000, within(0.01));
        assertThat(rate.megabytesPerSecond()).isCloseTo((560.0 - 140.0) / 3, within(0.001));
    }

    @Test
    void aRunShorterThanOneReportGivesItsSummary() {
        RawKafkaRates.Rate rate = RawKafkaRates.parseProducer("""
                200000 records sent, 21234.567890 records/sec (30.01 MB/sec), 790.12 ms avg latency, 1712.00 ms max \
                latency, 701 ms 50th, 1400 ms 95th, 1650 ms 99th, 1700 ms 99.9th.
                """);
        assertThat(rate.records()).isEqualTo(200_000);
        assertThat(rate.recordsPerSecond()).isEqualTo(21234.56789);
        assertThat(rate.megabytesPerSecond()).isEqualTo(30.01);
    }

    @Test
    void consumerResultIsReadByItsHeader() {
        String output = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, \
                fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-11-28 04:01:02:003, 2026-11-28 04:01:09:503, 282.6294, 37.6839, 200000, 26666.6667, 3012, 4488, \
                62.9745, 44563.2799
                """;
        RawKafkaRates.Rate rate = RawKafkaRates.parseConsumer(output);
        assertThat(rate.records()).isEqualTo(200_000);
        assertThat(rate.recordsPerSecond()).isEqualTo(44563.2799);
        assertThat(rate.megabytesPerSecond()).isEqualTo(62.9745);
    }

    @Test
    void outputWithoutResultsIsReportedWithTheOutput() {
        assertThatThrownBy(() -> RawKafkaRates.parseProducer("Exception in thread main: broker unreachable"))
                .hasMessageContaining("no summary").hasMessageContaining("broker unreachable");
        assertThatThrownBy(() -> RawKafkaRates.parseConsumer("WARN nothing consumed"))
                .hasMessageContaining("no result line");
        assertThatThrownBy(() -> RawKafkaRates.parseConsumer("start.time, end.time\nx, y\n"))
                .hasMessageContaining("not as expected");
    }
}
