package io.trailwatch.localstack.bench;

import io.trailwatch.contracts.Topics;
import io.trailwatch.simulator.SimulatorHandle;
import io.trailwatch.simulator.TrafficSimulator;
import io.trailwatch.simulator.scenario.ScenarioLibrary;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import io.trailwatch.simulator.sink.Sinks;
import io.trailwatch.simulator.traffic.Rhythm;
import io.trailwatch.simulator.truth.GroundTruthEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The latency run: the simulator paced by a clock at the target event rate, each file put into S3 and announced
 * to SQS as it is due. For every record of a file announced within the measured window that the ground truth says
 * must raise a finding, the run takes the time from the announcement to the finding's row in query.findings
 * ({@code stored_at}) and to its arrival at the webhook receiver.
 */
final class LatencyRun {

    /** Every scenario in the first 3 simulated minutes, then each every 15 (about 1.5 wall minutes at speed 10). */
    private static final ScenarioSchedule SCENARIOS = ScenarioSchedule.recurring(ScenarioLibrary.all(),
            Duration.ofMinutes(3), Duration.ofMinutes(15));
    private static final Duration SETTLE = Duration.ofSeconds(60);

    /** One expected finding: its rule, the record it is about, and when that record's file was announced. */
    private record Expected(String ruleId, String eventId, long announcedAt) {
    }

    record Result(double targetRate, double achievedRate, double speed, int windowSeconds, int files,
                  double recordsPerFile, int expected, Percentiles toKafka, Percentiles toDetected,
                  Percentiles toStored, Percentiles toWebhook) {
    }

    /** When rules-service made a finding (its detectedAt) and when query-service stored it, in epoch millis. */
    private record Stored(long detectedAt, long storedAt) {
    }

    private final PipelineStack pipeline;
    private final BenchOptions options;
    private final Consumer<String> progress;

    LatencyRun(PipelineStack pipeline, BenchOptions options, Consumer<String> progress) {
        this.pipeline = pipeline;
        this.options = options;
        this.progress = progress;
    }

    Result run() throws InterruptedException {
        RecordingSink sink = new RecordingSink(Sinks.s3(pipeline.sinkConfig(true)));
        try (KafkaArrivals arrivals = new KafkaArrivals(pipeline.stack().kafkaBootstrapServers(),
                Topics.CLOUDTRAIL_EVENTS)) {
            return measure(sink, arrivals);
        }
    }

    private Result measure(RecordingSink sink, KafkaArrivals arrivals) throws InterruptedException {
        long total = (long) options.warmupSeconds() + options.latencySeconds();
        Instant simulatedStart = Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .minusSeconds((long) Math.ceil(total * options.speed()));
        progress.accept(String.format("latency run: %.0f events/s (%.0f per simulated second at %.0fx), %d s warm-up, "
                        + "%d s measured", options.rate(), options.rate() / options.speed(), options.speed(),
                options.warmupSeconds(), options.latencySeconds()));
        SimulatorHandle simulator = TrafficSimulator.builder()
                .seed(options.seed() + 1)
                .start(simulatedStart)
                .eventsPerSecond(options.rate() / options.speed())
                .speed(options.speed())
                .rhythm(Rhythm.flat())
                .scenarios(SCENARIOS)
                .sink(sink)
                .build()
                .start();
        long windowStart;
        long windowEnd;
        try {
            Thread.sleep(options.warmupSeconds() * 1000L);
            windowStart = System.currentTimeMillis();
            Thread.sleep(options.latencySeconds() * 1000L);
            windowEnd = System.currentTimeMillis();
        } finally {
            simulator.close();
        }
        simulator.failure().ifPresent(e -> {
            throw new IllegalStateException("the simulator stopped: " + e.getMessage(), e);
        });

        List<DeliveredFile> inWindow = sink.delivered().stream()
                .filter(f -> f.deliveredAtMillis() >= windowStart && f.deliveredAtMillis() < windowEnd).toList();
        List<Expected> expected = new ArrayList<>();
        for (DeliveredFile file : inWindow) {
            for (GroundTruthEvent event : file.truth()) {
                for (String rule : event.expectedRules()) {
                    expected.add(new Expected(rule, event.eventId(), file.deliveredAtMillis()));
                }
            }
        }
        long records = inWindow.stream().mapToLong(DeliveredFile::records).sum();
        progress.accept(String.format("measured window: %,d files, %,d events, %,d expected findings; waiting up to "
                + "%d s for the last of them", inWindow.size(), records, expected.size(), SETTLE.toSeconds()));

        Map<String, Stored> stored = Map.of();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            stored = storedSince(windowStart - Duration.ofMinutes(10).toMillis());
            Map<String, Stored> now = stored;
            boolean all = expected.stream().allMatch(e -> now.containsKey(WebhookReceiver.key(e.ruleId, e.eventId))
                    && pipeline.webhooks().arrival(e.ruleId, e.eventId) != null);
            if (all) {
                break;
            }
            Thread.sleep(1000);
        }
        List<Long> toKafka = new ArrayList<>();
        List<Long> toDetected = new ArrayList<>();
        List<Long> toStored = new ArrayList<>();
        List<Long> toWebhook = new ArrayList<>();
        for (Expected e : expected) {
            Long published = arrivals.arrival(e.eventId);
            if (published != null) {
                toKafka.add(published - e.announcedAt);
            }
            Stored row = stored.get(WebhookReceiver.key(e.ruleId, e.eventId));
            if (row != null) {
                toDetected.add(row.detectedAt - e.announcedAt);
                toStored.add(row.storedAt - e.announcedAt);
            }
            Long arrived = pipeline.webhooks().arrival(e.ruleId, e.eventId);
            if (arrived != null) {
                toWebhook.add(arrived - e.announcedAt);
            }
        }
        double seconds = (windowEnd - windowStart) / 1000.0;
        return new Result(options.rate(), records / seconds, options.speed(), (int) Math.round(seconds),
                inWindow.size(), inWindow.isEmpty() ? 0 : (double) records / inWindow.size(), expected.size(),
                new Percentiles(toKafka), new Percentiles(toDetected), new Percentiles(toStored),
                new Percentiles(toWebhook));
    }

    /** When each finding stored since {@code sinceMillis} was made and stored, by rule id and eventID. */
    private Map<String, Stored> storedSince(long sinceMillis) {
        Map<String, Stored> out = new HashMap<>();
        try (PreparedStatement statement = pipeline.probe().database().prepareStatement("SELECT rule_id, event_id, "
                + "detected_at, stored_at FROM query.findings WHERE stored_at >= ? AND event_id IS NOT NULL")) {
            statement.setTimestamp(1, new Timestamp(sinceMillis));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.put(WebhookReceiver.key(rs.getString(1), rs.getString(2)),
                            new Stored(rs.getTimestamp(3).getTime(), rs.getTimestamp(4).getTime()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read query.findings: " + e.getMessage(), e);
        }
        return out;
    }
}
