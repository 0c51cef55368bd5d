package io.trailwatch.rules.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The state stores of outlier detection, all backed by compacted changelog topics
 * ({@code trailwatch-rules-<store>-changelog}) written in the same transactions as the outputs and offsets, so a
 * restarted or rebalanced instance continues exactly where the last commit left off. The per-series stores, which
 * grow with the number of groups, are RocksDB; the two tiny progress stores live in memory.
 *
 * <p>The outlier tasks' stores and their input topic (the repartition topic {@code outlier-signals-p<N>}) carry
 * the number of outlier tasks in their names, {@code -p<N>}: Kafka Streams refuses to start on an existing internal
 * topic with another partition count, so a changed count starts new topics instead (the baselines rebuild within
 * one window; the old topics can be deleted).
 */
final class OutlierStores {

    /** Per events partition: its event-time watermark (evaluating side). */
    static final String SOURCE_WATERMARK = "outlier-source-watermark";

    /** Name of the repartition step that sends counted records and progress to the outlier tasks. */
    final String signals;
    /** Per outlier task: every events partition's watermark and idleness, and how far slices are closed. */
    final String progress;
    /** Per series: {@link SeriesState} as JSON. */
    final String series;
    /** Index of live series by the event time their next slice closes: [due, 8 bytes big-endian][series id]. */
    final String due;

    /** @param partitions how many outlier tasks (partitions of the repartition topic) there are */
    OutlierStores(int partitions) {
        String tasks = "-p" + partitions;
        signals = "outlier-signals" + tasks;
        progress = "outlier-progress" + tasks;
        series = "outlier-series" + tasks;
        due = "outlier-due" + tasks;
    }

    /** One entry per task: kept in memory, restored from its changelog at start. */
    static StoreBuilder<KeyValueStore<String, Long>> sourceWatermark() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SOURCE_WATERMARK), Serdes.String(),
                Serdes.Long());
    }

    /** A dozen entries per task: kept in memory, restored from its changelog at start. */
    StoreBuilder<KeyValueStore<String, String>> progressStore() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(progress), Serdes.String(), Serdes.String());
    }

    StoreBuilder<KeyValueStore<String, byte[]>> seriesStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(series), Serdes.String(),
                Serdes.ByteArray()).withCachingEnabled();
    }

    StoreBuilder<KeyValueStore<Bytes, byte[]>> dueStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(due), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled();
    }

    /** Event times are never negative, so big-endian bytes sort like the numbers. */
    static Bytes dueKey(long due, String seriesId) {
        byte[] id = seriesId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(8 + id.length).putLong(due).put(id).array());
    }

    static String seriesIdOf(Bytes dueKey) {
        byte[] key = dueKey.get();
        return new String(key, 8, key.length - 8, StandardCharsets.UTF_8);
    }
}
