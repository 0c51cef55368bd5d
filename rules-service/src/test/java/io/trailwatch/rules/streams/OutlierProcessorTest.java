package io.trailwatch.rules.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trailwatch.contracts.SeriesPoint;
import io.trailwatch.rules.service.FindingFactory;
import io.trailwatch.rules.service.GeoLocator;
import io.trailwatch.rules.service.RuleCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the outlier task decides that a slice is closed when several events partitions feed it: the least watermark
 * of the active partitions, an idle partition not holding the others back.
 */
class OutlierProcessorTest {

    static final String DETECTOR = "outlier-console-auth-failures";
    static final String SERIES = DETECTOR + "|111122223333";
    static final long T0 = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000;
    static final OutlierStores STORES = new OutlierStores(2);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MockProcessorContext<String, Object> context;
    private OutlierProcessor processor;

    @BeforeEach
    void start() {
        RuleCatalog catalog = RuleCatalog.builtin();
        List<ActiveDetector> detectors = ActiveDetector.of(catalog.activeDetectors(), catalog.rules(),
                Duration.ofMinutes(20));
        GeoLocator geo = new GeoLocator(Optional.empty(), Optional.empty());
        context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(T0 + 100 * MINUTE);
        addStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORES.progress), Serdes.String(),
                Serdes.String()));
        addStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORES.series), Serdes.String(),
                Serdes.ByteArray()));
        addStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORES.due), Serdes.Bytes(),
                Serdes.ByteArray()));
        processor = new OutlierProcessor(detectors, new FindingFactory(geo), geo, TopologyHarness.MAPPER,
                new OutlierMetrics(registry), streamsConfig -> 2, STORES);
        processor.init(context);
    }

    private void addStore(StoreBuilder<? extends StateStore> builder) {
        StateStore store = builder.withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    private void tick(int partition, long time) {
        processor.process(new Record<>("", OutlierSignal.tick(partition, time), time));
    }

    private void idle(int partition, long time) {
        processor.process(new Record<>("", OutlierSignal.idle(partition, time), Math.max(time, 0)));
    }

    private void match(long time) {
        processor.process(new Record<>(SERIES, OutlierSignal.match(DETECTOR, "111122223333", time,
                "arn:aws:iam::111122223333:user/alice", "117.140.207.172", "111122223333"), time));
    }

    /**
     * Partition 1 has no records; partition 0 starts at T0 and has eight failures in the slice {@code minutes}
     * later, then moves 30 minutes past that slice's start, so the slice closes.
     */
    private void burstAfterObservingFor(long minutes) {
        idle(1, Long.MIN_VALUE);
        tick(0, T0);
        for (int i = 0; i < 8; i++) {
            match(T0 + minutes * MINUTE + i);
        }
        tick(0, T0 + (minutes + 30) * MINUTE);
    }

    private List<SeriesPoint> points() {
        List<SeriesPoint> points = context.forwarded().stream().map(f -> f.record().value())
                .filter(SeriesPoint.class::isInstance).map(SeriesPoint.class::cast).toList();
        context.resetForwards();
        return points;
    }

    @Test
    void aSliceClosesOnlyWhenEveryActivePartitionHasPassedItsGracePeriod() {
        tick(0, T0);
        tick(1, T0);
        for (int i = 0; i < 4; i++) {
            match(T0 + 2 * MINUTE + i);
        }
        // Slice 10:00-10:05 closes at 10:25. Partition 0 is far ahead, partition 1 is not there yet.
        tick(0, T0 + 90 * MINUTE);
        assertThat(points()).isEmpty();
        tick(1, T0 + 24 * MINUTE);
        assertThat(points()).isEmpty();
        tick(1, T0 + 25 * MINUTE);
        assertThat(points()).extracting(SeriesPoint::bucketStart, SeriesPoint::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Instant.ofEpochMilli(T0), 4L));
    }

    @Test
    void noSliceClosesBeforeEveryPartitionHasReported() {
        tick(0, T0);
        match(T0 + MINUTE);
        // Partition 1 has not said anything yet (its task may still be starting): it may hold records of 10:00.
        tick(0, T0 + 90 * MINUTE);
        assertThat(points()).isEmpty();
        // It has no records at all: nothing holds the slices back any more.
        idle(1, Long.MIN_VALUE);
        assertThat(points()).extracting(SeriesPoint::bucketStart, SeriesPoint::value).startsWith(
                org.assertj.core.groups.Tuple.tuple(Instant.ofEpochMilli(T0), 1L));
    }

    @Test
    void aGroupsFirstBurstAfterAQuietHourIsAnOutlier() {
        // Eight failures in one slice, an hour into observing: the hour before counts as ten quiet slices.
        burstAfterObservingFor(60);
        List<Object> forwarded = context.forwarded().stream().<Object>map(f -> f.record().value()).toList();
        assertThat(forwarded).filteredOn(SeriesPoint.class::isInstance).map(SeriesPoint.class::cast)
                .first().satisfies(p -> {
                    assertThat(p.bucketStart()).isEqualTo(Instant.ofEpochMilli(T0 + 60 * MINUTE));
                    assertThat(p.mean()).isEqualTo(0.0);
                    assertThat(p.violation()).isTrue();
                });
        assertThat(forwarded).filteredOn(io.trailwatch.contracts.Finding.class::isInstance).hasSize(1);
    }

    @Test
    void aBurstTwentyMinutesAfterObservingStartedHasTooLittleHistoryToJudge() {
        burstAfterObservingFor(20);
        assertThat(points()).first().satisfies(p -> {
            assertThat(p.bucketStart()).isEqualTo(Instant.ofEpochMilli(T0 + 20 * MINUTE));
            assertThat(p.mean()).isNull();
            assertThat(p.violation()).isFalse();
        });
    }

    @Test
    void anIdlePartitionStopsHoldingBackTheOthersUntilItTicksAgain() {
        tick(0, T0);
        tick(1, T0);
        match(T0 + MINUTE);
        tick(0, T0 + 40 * MINUTE);
        assertThat(points()).isEmpty();
        idle(1, T0);
        // Only partition 0 counts now: slices up to 10:15 (closing 10:40) are closed.
        assertThat(points()).extracting(SeriesPoint::value).containsExactly(1L, 0L, 0L, 0L);
        // Partition 1 comes back with a record for a closed slice: counted as late, the series is not reopened.
        tick(1, T0 + 5 * MINUTE);
        match(T0 + 3 * MINUTE);
        assertThat(registry.find("trailwatch.rules.outlier.late").tag("detector", DETECTOR).counter().count())
                .isEqualTo(1);
        // Back as active, it holds closing back again until it catches up.
        tick(0, T0 + 60 * MINUTE);
        assertThat(points()).isEmpty();
        tick(1, T0 + 50 * MINUTE);
        assertThat(points()).extracting(SeriesPoint::bucketStart).containsExactly(
                Instant.ofEpochMilli(T0 + 20 * MINUTE), Instant.ofEpochMilli(T0 + 25 * MINUTE));
    }

    @Test
    void everythingNeededToContinueIsInTheStores() {
        idle(1, Long.MIN_VALUE);
        tick(0, T0);
        match(T0 + MINUTE);
        match(T0 + 6 * MINUTE);
        tick(0, T0 + 30 * MINUTE);
        assertThat(points()).extracting(SeriesPoint::value).containsExactly(1L, 1L);

        // A new processor on the same stores (a restart) continues the same series.
        processor = new OutlierProcessor(ActiveDetector.of(RuleCatalog.builtin().activeDetectors(),
                RuleCatalog.builtin().rules(), Duration.ofMinutes(20)), new FindingFactory(
                new GeoLocator(Optional.empty(), Optional.empty())), new GeoLocator(Optional.empty(), Optional.empty()),
                TopologyHarness.MAPPER, new OutlierMetrics(registry), streamsConfig -> 2, STORES);
        processor.init(context);
        tick(0, T0 + 40 * MINUTE);
        assertThat(points()).extracting(SeriesPoint::bucketStart, SeriesPoint::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Instant.ofEpochMilli(T0 + 10 * MINUTE), 0L),
                org.assertj.core.groups.Tuple.tuple(Instant.ofEpochMilli(T0 + 15 * MINUTE), 0L));
        // A tick that is not newer changes nothing.
        tick(0, T0 + 40 * MINUTE);
        assertThat(points()).isEmpty();
    }
}
