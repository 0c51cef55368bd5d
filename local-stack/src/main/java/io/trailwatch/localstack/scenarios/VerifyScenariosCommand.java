package io.trailwatch.localstack.scenarios;

import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.DataDirectory;
import io.trailwatch.localstack.bench.PipelineProbe;
import io.trailwatch.localstack.bench.PipelineStack;
import io.trailwatch.localstack.bench.RecordingSink;
import io.trailwatch.simulator.SimulatorHandle;
import io.trailwatch.simulator.SimulatorStats;
import io.trailwatch.simulator.TrafficSimulator;
import io.trailwatch.simulator.sink.Sinks;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * {@code ./trailwatch verify-scenarios}: replays a seeded simulated day (compressed time) through the whole
 * pipeline and checks the findings on trailwatch.findings against the simulator's ground truth.
 */
public final class VerifyScenariosCommand {

    /** quarkus.kafka-streams.application-id of rules-service, which is its consumer group. */
    static final String RULES_GROUP = "trailwatch-rules";
    private static final Duration STALL = Duration.ofMinutes(2);
    /** Longer than rules-service's idle-after (30 s): then every partition counts as idle and the last slices close. */
    private static final Duration QUIET = Duration.ofSeconds(60);

    /** A replay's outcome. */
    public record Verification(VerifyOptions options, SimulatorStats stats, GroundTruthCheck.Result result,
                               long findings, Duration elapsed) {
    }

    private VerifyScenariosCommand() {
    }

    /** Replays, prints the report, and returns 0 when the check passed, 1 otherwise. */
    public static int run(VerifyOptions options, List<String> args, Path home, Map<String, String> environment,
                          PrintStream out) throws InterruptedException {
        boolean temporary = options.dataDir() == null;
        Path dataDir = temporary ? DataDirectory.temporary("trailwatch-verify-") : options.dataDir();
        System.setProperty("trailwatch.logdir", dataDir.resolve("logs").toString());
        Consumer<String> progress = line -> out.println("[verify] " + line);
        progress.accept("data directory: " + dataDir + (temporary ? " (removed afterwards)" : ""));
        boolean passed = false;
        try {
            Verification v = replay(options, home, dataDir, environment, progress);
            out.println();
            out.print(VerifyReport.format("./trailwatch " + String.join(" ", args), v));
            passed = v.result().passed();
            return passed ? 0 : 1;
        } finally {
            if (temporary && passed) {
                DataDirectory.delete(dataDir);
            } else {
                progress.accept("data, logs and the ground truth kept in " + dataDir);
            }
        }
    }

    /** Starts a stack in {@code dataDir}, replays, waits for the pipeline to settle, checks, and stops the stack. */
    public static Verification replay(VerifyOptions options, Path home, Path dataDir, Map<String, String> environment,
                                      Consumer<String> progress) throws InterruptedException {
        long started = System.nanoTime();
        try (PipelineStack pipeline = PipelineStack.start(home, dataDir, environment, progress)) {
            PipelineProbe probe = pipeline.probe();
            long baseEvents = probe.endOffsetSum(Topics.CLOUDTRAIL_EVENTS);
            Path truthFile = dataDir.resolve("verify").resolve("ground-truth.jsonl");
            Instant start = options.day().atStartOfDay(ZoneOffset.UTC).toInstant();
            Duration span = Duration.ofHours(options.hours());
            progress.accept(String.format("replaying %s from 00:00 UTC for %d simulated hours (seed %d)%s",
                    options.day(), options.hours(), options.seed(), options.hours() < 24
                            ? "; a full day is --hours 24" : ""));
            SimulatorHandle simulator = TrafficSimulator.builder()
                    .seed(options.seed())
                    .start(start)
                    .duration(span)
                    .asFastAsPossible()
                    .scenarios(VerificationSchedule.spread(span))
                    .sink(new RecordingSink(Sinks.s3(pipeline.sinkConfig(true))))
                    .groundTruth(truthFile)
                    .build()
                    .start();
            while (!simulator.await(Duration.ofSeconds(15))) {
                SimulatorStats s = simulator.stats();
                progress.accept(String.format("  simulated up to %s: %,d events in %,d files", s.generatedUntil(),
                        s.records(), s.files()));
            }
            SimulatorStats stats = simulator.stats();
            progress.accept(String.format("delivered %,d events in %,d files, %d scenario runs; waiting for the "
                    + "pipeline", stats.records(), stats.files(), stats.scenarioRuns()));

            await("collector: records in Kafka", () -> probe.endOffsetSum(Topics.CLOUDTRAIL_EVENTS) - baseEvents,
                    stats.records(), progress);
            long end = probe.endOffsetSum(Topics.CLOUDTRAIL_EVENTS);
            await("rules-service: records evaluated", () -> probe.committedSum(RULES_GROUP,
                    Topics.CLOUDTRAIL_EVENTS), end, progress);
            progress.accept("waiting until findings and outlier series have been quiet for " + QUIET.toSeconds()
                    + " s (the last time slices close once every partition is idle)");
            awaitQuiet(() -> probe.endOffsetSum(Topics.FINDINGS) + probe.endOffsetSum(Topics.METRICS));

            List<ObservedFinding> findings = new ArrayList<>();
            long count = probe.readCommitted(Topics.FINDINGS, json -> findings.add(ObservedFinding.parse(json)));
            GroundTruthCheck.Result result = GroundTruthCheck.check(GroundTruth.read(truthFile), findings);
            return new Verification(options, stats, result, count, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Waits until {@code value} reaches {@code target}; fails when it has not moved for {@link #STALL}. */
    private static void await(String what, LongSupplier value, long target, Consumer<String> progress)
            throws InterruptedException {
        long last = Long.MIN_VALUE;
        long lastChange = System.nanoTime();
        long lastReport = System.nanoTime();
        while (true) {
            long now = value.getAsLong();
            if (now >= target) {
                return;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > STALL.toNanos()) {
                throw new IllegalStateException(what + " stopped at " + now + " of " + target + " for "
                        + STALL.toSeconds() + " s; see the service logs");
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(15).toNanos()) {
                lastReport = System.nanoTime();
                progress.accept(String.format("  %s: %,d of %,d", what, now, target));
            }
            Thread.sleep(500);
        }
    }

    private static void awaitQuiet(LongSupplier value) throws InterruptedException {
        long last = value.getAsLong();
        long lastChange = System.nanoTime();
        while (System.nanoTime() - lastChange < QUIET.toNanos()) {
            Thread.sleep(1000);
            long now = value.getAsLong();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            }
        }
    }
}
