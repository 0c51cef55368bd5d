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
 */
final class OutlierStores {

    /** Per events partition: its event-time watermark (evaluating side). */
    static final String SOURCE_WATERMARK = "outlier-source-watermark";
    /** Per outlier task: every events partition's watermark and idleness, and how far slices are closed. */
    static final String PROGRESS = "outlier-progress";
    /** Per series: {@link SeriesState} as JSON. */
    static final String SERIES = "outlier-series";
    /** Index of live series by the event time their next slice closes: [due, 8 bytes big-endian][series id]. */
    static final String DUE = "outlier-due";

    private OutlierStores() {
    }

    /** One entry per task: kept in memory, restored from its changelog at start. */
    static StoreBuilder<KeyValueStore<String, Long>> sourceWatermark() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SOURCE_WATERMARK), Serdes.String(),
                Serdes.Long());
    }

    /** A dozen entries per task: kept in memory, restored from its changelog at start. */
    static StoreBuilder<KeyValueStore<String, String>> progress() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PROGRESS), Serdes.String(),
                Serdes.String());
    }

    static StoreBuilder<KeyValueStore<String, byte[]>> series() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SERIES), Serdes.String(),
                Serdes.ByteArray()).withCachingEnabled();
    }

    static StoreBuilder<KeyValueStore<Bytes, byte[]>> due() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE), Serdes.Bytes(), Serdes.ByteArray())
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
