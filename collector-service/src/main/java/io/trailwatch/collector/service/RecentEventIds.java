package io.trailwatch.collector.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The eventIDs published most recently, in bounded memory: 64-bit hashes in two open-addressing tables
 * (generations). New hashes go into the current one; when it holds {@code capacity}, it becomes the previous one
 * and the oldest generation is dropped. So between {@code capacity} and {@code 2 * capacity} of the most recent
 * ids are remembered, in 32 to 64 bytes per unit of capacity. A hash collision would drop a genuine record; with 64-bit
 * hashes and a million ids remembered, that is about one chance in 10^13 per record.
 */
public final class RecentEventIds {

    public static final int MAX_CAPACITY = 1 << 26;
    private static final long EMPTY = 0L;

    private final int capacity;
    private long[] current;
    private long[] previous;
    private int currentSize;

    /** @param capacity ids per generation; 0 remembers nothing */
    public RecentEventIds(int capacity) {
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("dedup capacity must be 0 to " + MAX_CAPACITY + ", got " + capacity);
        }
        this.capacity = capacity;
        int slots = capacity == 0 ? 0 : Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        this.current = new long[slots];
        this.previous = new long[slots];
    }

    public static long hash(String eventId) {
        byte[] bytes = eventId.getBytes(StandardCharsets.UTF_8);
        long h1 = 0x9E3779B97F4A7C15L ^ bytes.length;
        long h2 = 0xC2B2AE3D27D4EB4FL;
        for (byte b : bytes) {
            h1 = (h1 ^ (b & 0xff)) * 0x100000001B3L;
            h2 = Long.rotateLeft(h2 ^ (b & 0xff), 23) * 0x9E3779B97F4A7C15L;
        }
        long h = mix(h1) ^ mix(h2 + 0x632BE59BD9B4E019L);
        return h == EMPTY ? 1 : h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    public synchronized boolean contains(long hash) {
        return capacity > 0 && (find(current, hash) || find(previous, hash));
    }

    /**
     * Which of the first {@code count} hashes are remembered, under one lock: the collector's workers check whole
     * batches, so they do not contend for the lock once per record.
     */
    public synchronized boolean[] containsEach(long[] hashes, int count) {
        boolean[] known = new boolean[count];
        if (capacity > 0) {
            for (int i = 0; i < count; i++) {
                known[i] = find(current, hashes[i]) || find(previous, hashes[i]);
            }
        }
        return known;
    }

    public synchronized void add(long hash) {
        if (capacity == 0 || find(current, hash)) {
            return;
        }
        if (currentSize == capacity) {
            long[] recycled = previous;
            Arrays.fill(recycled, EMPTY);
            previous = current;
            current = recycled;
            currentSize = 0;
        }
        int mask = current.length - 1;
        int i = (int) (hash ^ (hash >>> 32)) & mask;
        while (current[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        current[i] = hash;
        currentSize++;
    }

    public synchronized void addAll(long[] hashes) {
        for (long hash : hashes) {
            add(hash);
        }
    }

    private static boolean find(long[] table, long hash) {
        int mask = table.length - 1;
        int i = (int) (hash ^ (hash >>> 32)) & mask;
        while (true) {
            long slot = table[i];
            if (slot == hash) {
                return true;
            }
            if (slot == EMPTY) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }
}
