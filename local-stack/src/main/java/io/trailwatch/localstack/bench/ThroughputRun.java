package io.trailwatch.localstack.bench;

import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.ServiceProcess;
import io.trailwatch.localstack.bench.StageClock.StageResult;
import io.trailwatch.simulator.TrafficSimulator;
import io.trailwatch.simulator.sink.Sinks;
import io.trailwatch.simulator.traffic.Rhythm;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The throughput run, on two batches of the same size and shape (CloudTrail files as in the latency run), each
 * staged in S3 first and then announced at once with one S3 notification per file, after a third such batch has
 * gone through the whole pipeline unmeasured (without it the collector was timed while its JIT compiler, and the
 * broker's, still took a third of a core each):
 * <ol>
 * <li>each service alone: rules-service and query-service are stopped while the collector publishes the first
 * batch (events topic end offsets); then rules-service is started and works off the backlog (its consumer group's
 * committed offsets), then query-service (rows in query.events, timed by their ingested_at). These rates compare
 * like with like with Kafka's own producer and consumer tools, which also run alone.</li>
 * <li>the pipeline: the second batch with every service running, each stage timed from the first notification
 * until it has every event; a later stage can be no faster than the one before it.</li>
 * </ol>
 */
final class ThroughputRun {

    /** quarkus.kafka-streams.application-id of rules-service, which is its consumer group. */
    static final String RULES_GROUP = "trailwatch-rules";
    private static final Duration STALL = Duration.ofSeconds(120);
    private static final Duration READY = Duration.ofSeconds(180);
    private static final int PAYLOAD_SAMPLE = 20_000;

    /** One batch's three stages. */
    record Stages(StageResult collector, StageResult rules, StageResult query) {

        boolean complete() {
            return collector.complete() && rules.complete() && query.complete();
        }
    }

    /**
     * @param warmUpFindings findings of the warm-up batch, which alert-service also delivers
     */
    record Result(long events, int files, int averageRecordBytes, Path payloadFile, Stages alone, Stages pipeline,
                  long findingsProduced, long findingsExpected, long warmUpFindings) {

        boolean complete() {
            return alone.complete() && pipeline.complete();
        }
    }

    /** A staged batch: its files, their events and the per-record findings the ground truth expects. */
    private record Batch(List<DeliveredFile> files, long events, long expectedFindings) {
    }

    private final PipelineStack pipeline;
    private final BenchOptions options;
    private final Path workDir;
    private final Consumer<String> progress;
    private final PipelineProbe probe;

    ThroughputRun(PipelineStack pipeline, BenchOptions options, Path workDir, Consumer<String> progress) {
        this.pipeline = pipeline;
        this.options = options;
        this.workDir = workDir;
        this.progress = progress;
        this.probe = pipeline.probe();
    }

    Result run() throws InterruptedException {
        RecordSample sample = new RecordSample(workDir.resolve("payload.jsonl"), PAYLOAD_SAMPLE);
        Batch first;
        try (sample) {
            first = stage(options.seed(), sample);
        }
        Batch second = stage(options.seed() + 2, file -> {
        });
        Batch warmUp = stage(options.seed() + 4, file -> {
        });
        long beforeWarmUp = probe.readCommitted(Topics.FINDINGS, value -> {
        });
        wholePipeline(warmUp, "warm-up (not measured): the whole pipeline");
        long baseFindings = probe.readCommitted(Topics.FINDINGS, value -> {
        });

        Stages alone = eachServiceAlone(first);
        Stages together = wholePipeline(second, "the whole pipeline: every service running");
        long findings = probe.readCommitted(Topics.FINDINGS, value -> {
        }) - baseFindings;
        return new Result(first.events(), first.files().size(), sample.averageRecordBytes(), sample.payloadFile(),
                alone, together, findings, first.expectedFindings() + second.expectedFindings(),
                baseFindings - beforeWarmUp);
    }

    private Batch stage(long seed, Consumer<io.trailwatch.simulator.delivery.LogFile> observer) {
        double simulatedRate = options.rate() / options.speed();
        Duration simulated = Duration.ofSeconds(Math.max(60, (long) Math.ceil(options.events() / simulatedRate)));
        progress.accept(String.format("staging about %,d events (seed %d, %d simulated s at %.0f events/s) in "
                + "s3://%s", options.events(), seed, simulated.toSeconds(), simulatedRate, PipelineStack.BUCKET));
        RecordingSink sink = new RecordingSink(Sinks.s3(pipeline.sinkConfig(false)), observer);
        TrafficSimulator.builder()
                .seed(seed)
                .start(Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(simulated))
                .duration(simulated)
                .eventsPerSecond(simulatedRate)
                .rhythm(Rhythm.flat())
                .asFastAsPossible()
                .sink(sink)
                .build()
                .start()
                .await();
        List<DeliveredFile> files = sink.delivered();
        return new Batch(files, files.stream().mapToLong(DeliveredFile::records).sum(),
                files.stream().flatMap(f -> f.truth().stream()).mapToLong(t -> t.expectedRules().size()).sum());
    }

    private Stages eachServiceAlone(Batch batch) throws InterruptedException {
        ServiceProcess rulesService = pipeline.stack().service("rules-service");
        ServiceProcess queryService = pipeline.stack().service("query-service");
        progress.accept("each service alone: stopping rules-service and query-service");
        rulesService.stop(Duration.ofSeconds(30));
        queryService.stop(Duration.ofSeconds(30));

        StageResult collector = follow("collector alone", batch.events(), eventsInKafka(), true, () ->
                announce(batch));
        progress.accept("starting rules-service on the backlog");
        StageResult rules = follow("rules-service alone", batch.events(), rulesCommitted(), false,
                rulesService::start);
        rulesService.awaitReady(READY);
        progress.accept("starting query-service on the backlog");
        long queryStarted = System.currentTimeMillis();
        StageResult counted = follow("query-service alone", batch.events(), rowsStored(), false,
                queryService::start);
        queryService.awaitReady(READY);
        // Timed like the clock above, from the first stored batch, leaving that batch out.
        PipelineProbe.StoredRows stored = probe.storedSince(queryStarted);
        StageResult query = new StageResult(counted.name(), batch.events() - stored.firstBatch(),
                stored.rows() - stored.firstBatch(), (stored.lastMillis() - stored.firstMillis()) / 1e3,
                counted.complete());
        return new Stages(collector, rules, query);
    }

    private Stages wholePipeline(Batch batch, String title) throws InterruptedException {
        progress.accept(title);
        LongSupplier kafka = eventsInKafka();
        LongSupplier rules = rulesCommitted();
        LongSupplier rows = rowsStored();
        long announcedMillis = System.currentTimeMillis();
        announce(batch);
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        StageClock collector = new StageClock("collector", batch.events(), start);
        StageClock rulesClock = new StageClock("rules", batch.events(), start);
        StageClock queryClock = new StageClock("query", batch.events(), start);
        List<StageClock> clocks = List.of(collector, rulesClock, queryClock);
        long lastReport = start;
        while (true) {
            long now = System.nanoTime();
            collector.observe(kafka.getAsLong(), now);
            rulesClock.observe(rules.getAsLong(), now);
            queryClock.observe(rows.getAsLong(), now);
            if (clocks.stream().allMatch(StageClock::done)) {
                break;
            }
            if (clocks.stream().filter(c -> !c.done()).allMatch(c -> c.idleNanos(now) > STALL.toNanos())) {
                progress.accept("the pipeline made no progress for " + STALL.toSeconds() + " s; reporting what it did");
                break;
            }
            if (now - lastReport > Duration.ofSeconds(10).toNanos()) {
                lastReport = now;
                progress.accept(String.format("  %.0f s: Kafka %,d  rules %,d  PostgreSQL %,d of %,d events",
                        (now - start) / 1e9, collector.result().reached(), rulesClock.result().reached(),
                        queryClock.result().reached(), batch.events()));
            }
            Thread.sleep(200);
        }
        StageResult counted = queryClock.result();
        // Every row the batch added (some are stored while the notifications are still being sent), timed like
        // the other stages from the end of the announcement.
        PipelineProbe.StoredRows stored = probe.storedSince(announcedMillis);
        StageResult query = new StageResult(counted.name(), batch.events(), stored.rows(),
                (stored.lastMillis() - startMillis) / 1e3, counted.complete());
        return new Stages(collector.result(), rulesClock.result(), query);
    }

    /**
     * Runs {@code begin} and follows one stage until it has {@code target} events. The clock starts at once
     * ({@code fromBegin}) or, for a service that first has to start, when its count first moves; what it had
     * counted by then is left out of its rate.
     */
    private StageResult follow(String name, long target, LongSupplier count, boolean fromBegin, Runnable begin)
            throws InterruptedException {
        long started = System.nanoTime();
        begin.run();
        long origin = fromBegin ? started : -1;
        long offset = 0;
        StageClock clock = fromBegin ? new StageClock(name, target, started) : null;
        long lastReport = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long value = count.getAsLong();
            if (clock == null && value > 0) {
                origin = now;
                offset = value;
                clock = new StageClock(name, target - offset, origin);
            }
            if (clock != null) {
                clock.observe(value - offset, now);
                if (clock.done()) {
                    return clock.result();
                }
                if (clock.idleNanos(now) > STALL.toNanos()) {
                    progress.accept(name + " made no progress for " + STALL.toSeconds() + " s; reporting what it did");
                    return clock.result();
                }
            } else if (now - started > READY.toNanos()) {
                progress.accept(name + " did not start working within " + READY.toSeconds() + " s");
                return new StageResult(name, target, 0, 0, false);
            }
            if (now - lastReport > Duration.ofSeconds(10).toNanos()) {
                lastReport = now;
                progress.accept(String.format("  %s: %,d of %,d events", name, value, target));
            }
            Thread.sleep(200);
        }
    }

    private void announce(Batch batch) {
        progress.accept(String.format("announcing %,d files (%,d events) to the collector", batch.files().size(),
                batch.events()));
        Notifications.send(pipeline.stack().sqsEndpoint(), pipeline.stack().queueUrl(), PipelineStack.BUCKET,
                batch.files());
    }

    private LongSupplier eventsInKafka() {
        long base = probe.endOffsetSum(Topics.CLOUDTRAIL_EVENTS);
        return () -> probe.endOffsetSum(Topics.CLOUDTRAIL_EVENTS) - base;
    }

    private LongSupplier rulesCommitted() {
        long base = probe.committedSum(RULES_GROUP, Topics.CLOUDTRAIL_EVENTS);
        return () -> probe.committedSum(RULES_GROUP, Topics.CLOUDTRAIL_EVENTS) - base;
    }

    private LongSupplier rowsStored() {
        long base = probe.eventsInserted();
        return () -> probe.eventsInserted() - base;
    }
}
