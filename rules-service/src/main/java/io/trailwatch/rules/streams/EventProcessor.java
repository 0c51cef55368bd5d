package io.trailwatch.rules.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.contracts.Finding;
import io.trailwatch.rules.engine.outlier.GroupBy;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The first step for every event: evaluates the rules (findings keyed by account, rejections keyed by source,
 * both stamped with the processing time) and, for the outlier detectors, sends each counted record to its series'
 * task together with this partition's event-time progress.
 *
 * <p>Lateness is decided here, against this partition's own watermark (the newest eventTime it has seen, rounded
 * down to the minute and kept in a state store): a record whose slice ended more than the grace period before it
 * is counted in {@code trailwatch.rules.outlier.late} and not sent. Because the decision depends only on this
 * partition's records, a replay after a crash decides the same way. Progress goes to every outlier task as a
 * {@code tick} whenever the watermark reaches a new minute (and on the first record after starting or being idle),
 * and as {@code idle} when the partition has had no records for {@code idleAfter}, including a partition that never
 * had any: the outlier tasks wait until every partition has reported.
 */
final class EventProcessor implements Processor<String, byte[], String, Object> {

    /** Watermark resolution: progress is sent at most once per minute of event time per partition. */
    static final long TICK_MILLIS = 60_000;

    private static final String WATERMARK_KEY = "watermark";
    private static final long NONE = Long.MIN_VALUE;
    private static final GroupBy PRINCIPAL = GroupBy.parse("principal");

    private final EventEvaluator evaluator;
    private final String topic;
    private final List<ActiveDetector> detectors;
    private final EventTimes eventTimes;
    private final Duration idleAfter;
    private final OutlierMetrics metrics;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Long> watermarkStore;
    private int partition;
    private long watermark = NONE;
    /** Whether this instance has told the outlier tasks about this partition since it started. */
    private boolean announced;
    private boolean idle;
    private boolean recordsSinceIdleCheck;

    EventProcessor(EventEvaluator evaluator, String topic, List<ActiveDetector> detectors, EventTimes eventTimes,
            Duration idleAfter, OutlierMetrics metrics) {
        this.evaluator = evaluator;
        this.topic = topic;
        this.detectors = detectors;
        this.eventTimes = eventTimes;
        this.idleAfter = idleAfter;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        if (!detectors.isEmpty()) {
            partition = context.taskId().partition();
            watermarkStore = context.getStateStore(OutlierStores.SOURCE_WATERMARK);
            Long saved = watermarkStore.get(WATERMARK_KEY);
            watermark = saved == null ? NONE : saved;
            context.schedule(idleAfter, PunctuationType.WALL_CLOCK_TIME, now -> checkIdle());
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        EventEvaluator.Outcome outcome = evaluator.evaluate(() -> context.recordMetadata()
                .map(m -> m.topic() + "/" + m.partition() + "@" + m.offset())
                .orElse(topic), record.value());
        long now = context.currentSystemTimeMs();
        for (Finding finding : outcome.findings()) {
            context.forward(new Record<>(finding.accountId(), finding, now));
        }
        if (outcome.rejection() != null) {
            context.forward(new Record<>(outcome.rejection().source(), outcome.rejection(), now));
        }
        if (detectors.isEmpty() || outcome.record() == null) {
            return;
        }
        long eventTime = eventTimes.of(outcome.record(), record.timestamp());
        if (eventTime != EventTimes.NONE) {
            // Progress first: a partition that was idle (or is new to this instance) is active again at every
            // outlier task before its matches arrive, so they are counted rather than taken for late.
            advance(eventTime);
        }
        sendMatches(outcome, eventTime);
    }

    private void sendMatches(EventEvaluator.Outcome outcome, long eventTime) {
        JsonNode record = outcome.record();
        for (ActiveDetector detector : detectors) {
            if (!detector.counts(record, outcome.matched())) {
                continue;
            }
            if (eventTime == EventTimes.NONE) {
                metrics.skipped(detector.id(), "invalid-event-time");
                continue;
            }
            if (watermark != NONE && detector.dueOf(detector.sliceStart(eventTime)) <= watermark) {
                metrics.late(detector.id());
                continue;
            }
            String group = detector.groupOf(record);
            String principal = PRINCIPAL.groupOf(record);
            OutlierSignal signal = OutlierSignal.match(detector.id(), group, eventTime,
                    GroupBy.MISSING.equals(principal) ? null : principal, text(record, "sourceIPAddress"),
                    text(record, "recipientAccountId"));
            context.forward(new Record<>(detector.seriesId(group), signal, eventTime));
        }
    }

    private void advance(long eventTime) {
        long minute = Math.floorDiv(eventTime, TICK_MILLIS) * TICK_MILLIS;
        if (watermark == NONE || minute > watermark) {
            watermark = minute;
            watermarkStore.put(WATERMARK_KEY, watermark);
            tick();
        } else if (!announced || idle) {
            tick();
        }
        recordsSinceIdleCheck = true;
    }

    private void tick() {
        context.forward(new Record<>(OutlierSignal.PROGRESS_KEY, OutlierSignal.tick(partition, watermark), watermark));
        announced = true;
        idle = false;
    }

    /** A partition without records (ever, or for idleAfter) says so, so the outlier tasks need not wait for it. */
    private void checkIdle() {
        if (!recordsSinceIdleCheck && !idle) {
            context.forward(new Record<>(OutlierSignal.PROGRESS_KEY, OutlierSignal.idle(partition, watermark),
                    Math.max(watermark, 0)));
            announced = true;
            idle = true;
        }
        recordsSinceIdleCheck = false;
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
