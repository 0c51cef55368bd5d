package io.trailwatch.rules.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.contracts.Finding;
import io.trailwatch.contracts.SeriesPoint;
import io.trailwatch.rules.engine.outlier.OutlierBaseline;
import io.trailwatch.rules.engine.outlier.OutlierVerdict;
import io.trailwatch.rules.service.FindingFactory;
import io.trailwatch.rules.service.GeoLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Counts each series' events per time slice and closes slices in event time: a slice closes once every events
 * partition has reported and every active one has passed its end plus the grace period (the minimum of their
 * watermarks; a partition that reported itself idle does not hold others back). Closing a slice feeds its count
 * to the series' baseline, publishes a {@link SeriesPoint} and, for a violation, a {@link Finding}.
 *
 * <p>Everything this task knows is in its state stores, so a restart continues with the same baselines and open
 * slices. Which slices get points and findings depends only on which records were counted (see
 * {@link SeriesState}), not on when ticks arrive.
 */
final class OutlierProcessor implements Processor<String, OutlierSignal, String, Object> {

    private static final Logger LOG = Logger.getLogger(OutlierProcessor.class);
    private static final long NONE = Long.MIN_VALUE;
    private static final String CLOSED_KEY = "closed";
    private static final String SINCE_KEY = "since";
    private static final String PARTITION_KEY = "partition-";
    private static final String IDLE_SUFFIX = " idle";
    private static final byte[] PRESENT = new byte[0];

    private final Map<String, ActiveDetector> detectors;
    private final FindingFactory findings;
    private final GeoLocator geo;
    private final ObjectMapper mapper;
    private final OutlierMetrics metrics;
    private final OutlierStores stores;
    private final EventsPartitionCount partitionCount;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, String> progress;
    private KeyValueStore<String, byte[]> series;
    private KeyValueStore<Bytes, byte[]> due;
    /** Per events partition: watermark, and whether it said it is idle. Mirrors the progress store. */
    private final TreeMap<Integer, long[]> partitions = new TreeMap<>();
    private long closedUpTo = NONE;
    /** The earliest watermark any events partition reported: the detectors have seen every record since. */
    private long observedSince = NONE;
    private int eventsPartitions;

    OutlierProcessor(List<ActiveDetector> detectors, FindingFactory findings, GeoLocator geo, ObjectMapper mapper,
            OutlierMetrics metrics, EventsPartitionCount partitionCount, OutlierStores stores) {
        this.detectors = detectors.stream().collect(Collectors.toMap(ActiveDetector::id, Function.identity()));
        this.findings = findings;
        this.geo = geo;
        this.mapper = mapper;
        this.metrics = metrics;
        this.partitionCount = partitionCount;
        this.stores = stores;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        eventsPartitions = partitionCount.of(context.appConfigs());
        progress = context.getStateStore(stores.progress);
        series = context.getStateStore(stores.series);
        due = context.getStateStore(stores.due);
        try (KeyValueIterator<String, String> all = progress.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                if (entry.key.equals(CLOSED_KEY)) {
                    closedUpTo = Long.parseLong(entry.value);
                } else if (entry.key.equals(SINCE_KEY)) {
                    observedSince = Long.parseLong(entry.value);
                } else if (entry.key.startsWith(PARTITION_KEY)) {
                    boolean idle = entry.value.endsWith(IDLE_SUFFIX);
                    long watermark = Long.parseLong(idle
                            ? entry.value.substring(0, entry.value.length() - IDLE_SUFFIX.length()) : entry.value);
                    partitions.put(Integer.parseInt(entry.key.substring(PARTITION_KEY.length())),
                            new long[] {watermark, idle ? 1 : 0});
                }
            }
        }
    }

    @Override
    public void process(Record<String, OutlierSignal> record) {
        OutlierSignal signal = record.value();
        if (signal.isMatch()) {
            count(record.key(), signal);
            return;
        }
        boolean idle = OutlierSignal.IDLE.equals(signal.kind());
        long[] known = partitions.get(signal.partition());
        if (known != null && known[0] == signal.time() && (known[1] == 1) == idle) {
            return;
        }
        if (signal.time() != NONE && (observedSince == NONE || signal.time() < observedSince)) {
            observedSince = signal.time();
            progress.put(SINCE_KEY, Long.toString(observedSince));
        }
        long watermark = known == null ? signal.time() : Math.max(known[0], signal.time());
        partitions.put(signal.partition(), new long[] {watermark, idle ? 1 : 0});
        progress.put(PARTITION_KEY + signal.partition(), watermark + (idle ? IDLE_SUFFIX : ""));
        long closeTo = eventTime();
        if (closeTo != NONE && (closedUpTo == NONE || closeTo > closedUpTo)) {
            closeUpTo(closeTo);
        }
    }

    /**
     * How far every partition has got: the least watermark of the active ones, or the greatest if all are idle;
     * nothing while some partition has not reported yet.
     */
    private long eventTime() {
        if (partitions.size() < eventsPartitions) {
            return NONE;
        }
        long leastActive = Long.MAX_VALUE;
        long greatest = NONE;
        for (long[] p : partitions.values()) {
            greatest = Math.max(greatest, p[0]);
            if (p[1] == 0) {
                leastActive = Math.min(leastActive, p[0]);
            }
        }
        return leastActive != Long.MAX_VALUE ? leastActive : greatest;
    }

    private void count(String seriesId, OutlierSignal match) {
        ActiveDetector detector = detectors.get(match.detectorId());
        if (detector == null) {
            metrics.skipped(match.detectorId(), "detector-not-configured");
            return;
        }
        long slice = detector.sliceStart(match.time());
        if (closedUpTo != NONE && detector.dueOf(slice) <= closedUpTo) {
            // Only possible when a partition that was idle comes back with records older than the grace period.
            metrics.late(detector.id());
            return;
        }
        SeriesState state = load(seriesId);
        if (state == null || state.sliceMillis != detector.sliceMillis()) {
            if (state != null) {
                LOG.infof("%s: time slice changed, starting a new baseline for group %s", detector.id(), state.group);
                removeDue(state, detector, seriesId);
            }
            state = new SeriesState(detector.id(), match.group(), detector.sliceMillis());
        }
        state.open.computeIfAbsent(slice, s -> new SliceCounts())
                .add(match.principal(), match.sourceIp(), geo.country(match.sourceIp()), match.accountId());
        if (state.nextSlice == SeriesState.NONE || slice < state.nextSlice) {
            removeDue(state, detector, seriesId);
            state.nextSlice = slice;
            due.put(OutlierStores.dueKey(detector.dueOf(slice), seriesId), PRESENT);
        }
        save(seriesId, state);
    }

    private void closeUpTo(long eventTime) {
        closedUpTo = eventTime;
        progress.put(CLOSED_KEY, Long.toString(eventTime));
        List<Bytes> dueKeys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = due.range(OutlierStores.dueKey(0, ""),
                OutlierStores.dueKey(eventTime + 1, ""))) {
            while (entries.hasNext()) {
                dueKeys.add(entries.next().key);
            }
        }
        for (Bytes key : dueKeys) {
            due.delete(key);
            close(OutlierStores.seriesIdOf(key), eventTime);
        }
    }

    /** Closes every slice of the series that is due by {@code eventTime}. */
    private void close(String seriesId, long eventTime) {
        SeriesState state = load(seriesId);
        if (state == null || state.nextSlice == SeriesState.NONE) {
            return;
        }
        ActiveDetector detector = detectors.get(state.detectorId);
        if (detector == null) {
            // The detector was removed from the configuration: its series stay as they are.
            metrics.skipped(state.detectorId, "detector-not-configured");
            return;
        }
        OutlierBaseline baseline = baseline(state, detector);
        long step = detector.sliceMillis();
        while (state.nextSlice != SeriesState.NONE && detector.dueOf(state.nextSlice) <= eventTime) {
            long slice = state.nextSlice;
            SliceCounts counts = state.open.remove(slice);
            long value = counts == null ? 0 : counts.count;
            OutlierVerdict verdict = baseline.next(slice, value);
            if (value > 0) {
                state.lastNonZero = slice;
            }
            publish(detector, state.group, verdict, counts == null ? new SliceCounts() : counts);
            long next = slice + step;
            if (state.lastNonZero != SeriesState.NONE && state.lastNonZero >= next - detector.historySlices() * step) {
                state.nextSlice = next;
            } else {
                state.nextSlice = state.open.isEmpty() ? SeriesState.NONE : state.open.firstKey();
            }
        }
        state.baseline = baseline.toBytes();
        if (state.nextSlice != SeriesState.NONE) {
            due.put(OutlierStores.dueKey(detector.dueOf(state.nextSlice), seriesId), PRESENT);
        }
        save(seriesId, state);
    }

    private void publish(ActiveDetector detector, String group, OutlierVerdict verdict, SliceCounts counts) {
        long now = context.currentSystemTimeMs();
        String seriesId = detector.seriesId(group);
        context.forward(new Record<>(seriesId, new SeriesPoint(seriesId, detector.id(), group,
                Instant.ofEpochMilli(verdict.sliceStart()), detector.sliceMillis() / 1000, verdict.value(),
                verdict.mean(), verdict.stddev(), verdict.upper(), verdict.lower(), verdict.indicator(),
                verdict.violation()), now));
        if (verdict.violation()) {
            Finding finding = findings.createOutlier(detector.definition(), group, verdict, counts.topAccount(),
                    counts.topPrincipals(), counts.topSourceIps(), counts.topCountries());
            context.forward(new Record<>(finding.accountId(), finding, now));
        }
        metrics.sliceClosed(detector.id(), verdict.violation());
    }

    private OutlierBaseline baseline(SeriesState state, ActiveDetector detector) {
        if (state.baseline == null) {
            return quietHistory(detector, state.nextSlice);
        }
        try {
            return OutlierBaseline.restore(detector.parameters(), state.baseline);
        } catch (IllegalArgumentException e) {
            // The series had counts, so the quiet history of a new series would be wrong here.
            LOG.warnf("%s: stored baseline of group %s is unreadable (%s); starting a new one", detector.id(),
                    state.group, e.getMessage());
            return new OutlierBaseline(detector.parameters());
        }
    }

    /**
     * The baseline of a series' first slice: every slice since the detectors started observing had no matching
     * record (else the series would exist), so as much of that as the history holds counts as zeros. Without
     * this the first burst ever seen in a group could never be an outlier.
     */
    private OutlierBaseline quietHistory(ActiveDetector detector, long firstSlice) {
        OutlierBaseline baseline = new OutlierBaseline(detector.parameters());
        if (observedSince != NONE) {
            long step = detector.sliceMillis();
            long quietFrom = Math.max(detector.sliceStart(observedSince), firstSlice - detector.historySlices() * step);
            if (quietFrom < firstSlice) {
                baseline.next(quietFrom, 0);
            }
        }
        return baseline;
    }

    private void removeDue(SeriesState state, ActiveDetector detector, String seriesId) {
        if (state.nextSlice != SeriesState.NONE) {
            due.delete(OutlierStores.dueKey(detector.dueOf(state.nextSlice), seriesId));
        }
    }

    private SeriesState load(String seriesId) {
        byte[] bytes = series.get(seriesId);
        if (bytes == null) {
            return null;
        }
        try {
            return mapper.readValue(bytes, SeriesState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("outlier series " + seriesId + " cannot be read from its state store", e);
        }
    }

    private void save(String seriesId, SeriesState state) {
        try {
            series.put(seriesId, mapper.writeValueAsBytes(state));
        } catch (IOException e) {
            throw new UncheckedIOException("outlier series " + seriesId + " cannot be written", e);
        }
    }
}
