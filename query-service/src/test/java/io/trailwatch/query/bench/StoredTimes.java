package io.trailwatch.query.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * When the stored events arrived, from their own {@code ingested_at} (the start of the transaction that stored them,
 * shared by a batch): how many were stored by a given wall-clock time, in milliseconds since the epoch.
 */
final class StoredTimes {

    /** Batch start time → events stored by then (that batch included). */
    private final NavigableMap<Long, Long> cumulative;

    private StoredTimes(NavigableMap<Long, Long> cumulative) {
        this.cumulative = cumulative;
    }

    static StoredTimes read(Connection c) throws SQLException {
        NavigableMap<Long, Long> cumulative = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (extract(epoch FROM ingested_at) * 1000)::bigint AS at, count(*) FROM query.events"
                        + " GROUP BY 1 ORDER BY 1")) {
            long total = 0;
            while (rs.next()) {
                total += rs.getLong(2);
                cumulative.put(rs.getLong(1), total);
            }
        }
        if (cumulative.isEmpty()) {
            throw new IllegalStateException("no events were stored");
        }
        return new StoredTimes(cumulative);
    }

    long first() {
        return cumulative.firstKey();
    }

    long last() {
        return cumulative.lastKey();
    }

    long total() {
        return cumulative.lastEntry().getValue();
    }

    long storedBy(long millis) {
        Map.Entry<Long, Long> entry = cumulative.floorEntry(millis);
        return entry == null ? 0 : entry.getValue();
    }

    /** Events per second stored after {@code from} up to {@code to}. */
    double rate(long from, long to) {
        return to <= from ? 0 : (storedBy(to) - storedBy(from)) * 1e3 / (to - from);
    }

    /** The highest rate over any window of this length that starts at a batch. */
    double bestRate(long windowMillis) {
        double best = 0;
        for (long from : cumulative.keySet()) {
            if (from + windowMillis > last()) {
                break;
            }
            best = Math.max(best, rate(from, from + windowMillis));
        }
        return best;
    }
}
