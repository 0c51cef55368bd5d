package io.trailwatch.collector.service.listing;

import java.util.List;
import java.util.TreeSet;

/**
 * The bookkeeping of one prefix's listing, kept apart from S3 and Kafka so it can be reasoned about (and tested)
 * on its own. Listing returns keys in order; CloudTrail names files by delivery time, so new files normally sort
 * after everything read. But a file can appear a little after one with a larger name (parallel deliveries, manual
 * uploads). So the listing only <em>settles</em> past a key when every key up to it is read and it was last
 * modified longer ago than the settle time; read keys past that point are remembered one by one ({@code recent})
 * and the next listing starts again from the settled key, reading only what it has not read. A file appearing
 * later with a smaller name than a settled key would be missed, which needs it to be written more than the settle
 * time after a file with a larger name.
 */
final class PrefixProgress {

    private final int maxRecent;
    private String settled;
    private final TreeSet<String> recent;
    private boolean contiguous = true;
    private int forcedSettles;

    /** @param initialStartAfter where a prefix without a checkpoint starts (from the start date) */
    PrefixProgress(ListingCheckpoint checkpoint, String initialStartAfter, int maxRecent) {
        this.maxRecent = maxRecent;
        this.settled = checkpoint == null || checkpoint.settled() == null ? initialStartAfter : checkpoint.settled();
        this.recent = new TreeSet<>(checkpoint == null ? List.of() : checkpoint.recent());
        this.recent.headSet(settled, true).clear();
    }

    /** Where the next listing starts. */
    String startAfter() {
        return settled;
    }

    /** Starts a new pass over the listing, from {@link #startAfter()}. */
    void beginPass() {
        contiguous = true;
    }

    boolean isRead(String key) {
        return key.compareTo(settled) <= 0 || recent.contains(key);
    }

    /**
     * Records that {@code key}, the next key of the listing, is read.
     *
     * @param old whether it was last modified longer ago than the settle time
     * @return whether the checkpoint changed
     */
    boolean read(String key, boolean old) {
        if (key.compareTo(settled) <= 0) {
            return false;
        }
        boolean changed;
        if (contiguous && old) {
            settled = key;
            recent.headSet(key, true).clear();
            changed = true;
        } else {
            contiguous = false;
            changed = recent.add(key);
        }
        while (recent.size() > maxRecent) {
            // Bounded: the checkpoint must stay a small Kafka message. Settle past the oldest remembered key.
            settled = recent.pollFirst();
            forcedSettles++;
            changed = true;
        }
        return changed;
    }

    int forcedSettles() {
        return forcedSettles;
    }

    ListingCheckpoint checkpoint(java.time.Instant now) {
        return new ListingCheckpoint(settled, List.copyOf(recent), now);
    }
}
