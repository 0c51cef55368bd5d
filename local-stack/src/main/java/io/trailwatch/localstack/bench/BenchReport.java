package io.trailwatch.localstack.bench;

import io.trailwatch.localstack.bench.StageClock.StageResult;
import java.util.Map;

/** The benchmark's figures as text: throughput with ratios to the raw Kafka rates, latency, memory, targets. */
final class BenchReport {

    static final double COLLECTOR_TARGET = 0.70;
    static final double FINDINGS_TARGET = 0.50;
    static final long LATENCY_P99_TARGET_MILLIS = 2000;

    private final StringBuilder text = new StringBuilder();

    BenchReport header(String started, String command, String machine, String loadBefore, String loadAfter) {
        line("Trailwatch pipeline benchmark, " + started);
        line("  command: " + command);
        line("  machine: " + machine);
        line("  load average before / after: " + loadBefore + " / " + loadAfter);
        return this;
    }

    BenchReport throughput(ThroughputRun.Result t, RawKafkaRates.Rate produce, RawKafkaRates.Rate consume,
                           long webhooksReceived) {
        line("");
        line(String.format("Throughput: two batches of %,d events in %,d CloudTrail files (%,.0f events per file, %,d "
                        + "bytes per record), each staged in S3, then all its files notified at once; a third "
                        + "batch went through the whole pipeline first, unmeasured (JIT warm-up)", t.events(),
                t.files(), (double) t.events() / Math.max(1, t.files()), t.averageRecordBytes()));
        line(String.format("  %-50s %10s %9s %11s %13s %9s", "stage", "events", "seconds", "events/s", "vs raw",
                "target"));
        line("  batch 1, each service alone (rules- and query-service stopped while the collector publishes, then "
                + "started in turn on the backlog):");
        stage("collector: S3 notification -> Kafka", t.alone().collector(), produce, "produce", COLLECTOR_TARGET);
        stage("rules-service: backlog -> findings", t.alone().rules(), consume, "consume", FINDINGS_TARGET);
        stage("query-service: backlog -> rows in PostgreSQL", t.alone().query(), consume, "consume", 0);
        line("  batch 2, whole pipeline (every service running, each timed from the first notification):");
        stage("S3 notification -> Kafka (collector)", t.pipeline().collector(), produce, "produce", COLLECTOR_TARGET);
        stage("-> findings (rules-service committed offsets)", t.pipeline().rules(), consume, "consume",
                FINDINGS_TARGET);
        stage("-> rows in PostgreSQL (query-service)", t.pipeline().query(), consume, "consume", 0);
        line(String.format("  findings produced by both batches: %,d (ground truth: %,d per-record findings); webhooks "
                + "received for them: %,d", t.findingsProduced(), t.findingsExpected(), webhooksReceived));
        line(String.format("  raw Kafka, same broker, topic %s, %,d records (%d batches) with the batch's own "
                + "records as payload, producer settings of the collector (%s):", BenchCommand.RAW_TOPIC,
                t.events() * RawKafkaRates.ROUNDS, RawKafkaRates.ROUNDS,
                String.join(" ", RawKafkaRates.PRODUCER_PROPS)));
        line(String.format("    ProducerPerformance  %,12.0f records/s  %7.1f MB/s (after its first 5 s)",
                produce.recordsPerSecond(), produce.megabytesPerSecond()));
        line(String.format("    ConsumerPerformance  %,12.0f records/s  %7.1f MB/s (fetch rate)",
                consume.recordsPerSecond(), consume.megabytesPerSecond()));
        return this;
    }

    private void stage(String label, StageResult s, RawKafkaRates.Rate raw, String rawName, double target) {
        double r = s.eventsPerSecond() / raw.recordsPerSecond();
        String verdict = target == 0 ? "" : String.format("%s %.0f%%", r >= target && s.complete() ? "ok >=" : "MISS <",
                100 * target);
        line(String.format("    %-48s %,10d %9.1f %,11.0f %13s %9s%s", label, s.reached(), s.seconds(),
                s.eventsPerSecond(), String.format("%.0f%% %s", 100 * r, rawName), verdict, s.complete() ? ""
                        : String.format("  INCOMPLETE (%,d of %,d)", s.reached(), s.target())));
    }

    BenchReport latency(LatencyRun.Result l) {
        line("");
        line(String.format("Detection latency at %,.0f events/s (achieved %,.0f/s over %d s; speed %.0fx: %,d files "
                        + "of %,.0f events on average)", l.targetRate(), l.achievedRate(), l.windowSeconds(), l.speed(),
                l.files(), l.recordsPerFile()));
        line(String.format("  expected findings from files notified in the window: %,d", l.expected()));
        latencyLine("file notified -> record in Kafka (collector)", l.toKafka(), l.expected(), false);
        latencyLine("file notified -> finding made (rules-service detectedAt)", l.toDetected(), l.expected(), false);
        latencyLine("file notified -> finding stored (query.findings)", l.toStored(), l.expected(), false);
        latencyLine("file notified -> webhook received", l.toWebhook(), l.expected(), true);
        return this;
    }

    private void latencyLine(String label, Percentiles p, int expected, boolean judged) {
        String verdict = "";
        if (judged) {
            boolean ok = p.count() == expected && p.count() > 0 && p.at(99) <= LATENCY_P99_TARGET_MILLIS;
            verdict = (ok ? "ok" : "MISS") + " (target p99 <= 2.00 s)";
        }
        line(String.format("  %-56s %,6d of %,6d  p50 %6.2f s  p99 %6.2f s  max %6.2f s  %s", label, p.count(),
                expected, p.at(50) / 1000.0, p.at(99) / 1000.0, p.max() / 1000.0, verdict));
    }

    BenchReport memory(Map<String, Long> peakKib) {
        line("");
        line("Peak RSS (VmHWM) over the whole run");
        peakKib.forEach((name, kib) -> line(String.format("  %-44s %,8.0f MiB", name, kib / 1024.0)));
        return this;
    }

    BenchReport note(String note) {
        line(note);
        return this;
    }

    private void line(String s) {
        text.append(s).append('\n');
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
