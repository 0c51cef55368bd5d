package io.trailwatch.alert.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The outbox: notifications written by group flushes, claimed by senders, completed with every attempt logged. */
@ApplicationScoped
public class DeliveryStore {

    /** A notification to one channel, as a flush decides it. */
    public record NewDelivery(String channel, String channelType, String route, Long groupId, String groupKey,
                              int sequence, String kind, String status, String labelsJson, List<String> findingIds,
                              List<String> newIds, List<String> resolvedIds, int firingCount, int resolvedCount,
                              List<UUID> silenceIds, String lastError) {
    }

    /** A delivery a sender owns until {@code leaseToken} is released or expires. */
    public record Claimed(long id, String channel, String channelType, String route, String groupKey, int sequence,
                          String kind, String labelsJson, List<String> findingIds, List<String> newIds,
                          List<String> resolvedIds, int firingCount, int resolvedCount, int attempts,
                          Instant createdAt, UUID leaseToken) {
    }

    /** What became of one attempt. */
    public record Completion(long id, UUID leaseToken, int attempt, String status, Instant nextAttemptAt,
                             Integer responseCode, String error, String externalRef, Instant startedAt,
                             int durationMs, Instant now) {
    }

    private final Sql sql;

    public DeliveryStore(Sql sql) {
        this.sql = sql;
    }

    public void insert(List<NewDelivery> deliveries, Instant now) {
        if (deliveries.isEmpty()) {
            return;
        }
        sql.work(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO alert.deliveries (channel_name, channel_type, route_name, group_id, group_key, sequence,
                        kind, status, group_labels, finding_ids, new_ids, resolved_ids, firing_count, resolved_count,
                        silence_ids, next_attempt_at, last_error, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (NewDelivery d : deliveries) {
                    boolean sendable = "pending".equals(d.status());
                    insert.setString(1, d.channel());
                    insert.setString(2, d.channelType());
                    insert.setString(3, d.route());
                    if (d.groupId() == null) {
                        insert.setNull(4, Types.BIGINT);
                    } else {
                        insert.setLong(4, d.groupId());
                    }
                    insert.setString(5, d.groupKey());
                    insert.setInt(6, d.sequence());
                    insert.setString(7, d.kind());
                    insert.setString(8, d.status());
                    insert.setString(9, d.labelsJson());
                    insert.setArray(10, Sql.texts(c, d.findingIds()));
                    insert.setArray(11, Sql.texts(c, d.newIds()));
                    insert.setArray(12, Sql.texts(c, d.resolvedIds()));
                    insert.setInt(13, d.firingCount());
                    insert.setInt(14, d.resolvedCount());
                    insert.setArray(15, c.createArrayOf("uuid", d.silenceIds().toArray()));
                    insert.setTimestamp(16, sendable ? Sql.ts(now) : null);
                    insert.setString(17, d.lastError());
                    insert.setTimestamp(18, Sql.ts(now));
                    insert.setTimestamp(19, Sql.ts(now));
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
    }

    /**
     * Claims up to {@code limit} due deliveries of {@code channel}, oldest first, skipping rows other senders hold
     * and any delivery of a group whose earlier notification to this channel is still undelivered (so a resolve
     * never overtakes its trigger, nor a comment the ticket it belongs to).
     */
    public List<Claimed> claim(String channel, int limit, Duration lease, Instant now) {
        UUID token = UUID.randomUUID();
        return sql.work(c -> {
            try (PreparedStatement claim = c.prepareStatement("""
                    WITH due AS (
                        SELECT d.id FROM alert.deliveries d
                        WHERE d.channel_name = ? AND d.status IN ('pending', 'retrying') AND d.next_attempt_at <= ?
                          AND (d.lease_until IS NULL OR d.lease_until < ?)
                          AND NOT EXISTS (SELECT 1 FROM alert.deliveries e
                                          WHERE e.group_id = d.group_id AND e.channel_name = d.channel_name
                                            AND e.id < d.id AND e.status IN ('pending', 'retrying'))
                        ORDER BY d.next_attempt_at, d.id LIMIT ? FOR UPDATE SKIP LOCKED)
                    UPDATE alert.deliveries d SET lease_until = ?, lease_token = ?, attempts = d.attempts + 1,
                        last_attempt_at = ?, updated_at = ?
                    FROM due WHERE d.id = due.id
                    RETURNING d.id, d.channel_name, d.channel_type, d.route_name, d.group_key, d.sequence, d.kind,
                        d.group_labels::text, d.finding_ids, d.new_ids, d.resolved_ids, d.firing_count,
                        d.resolved_count, d.attempts, d.created_at""")) {
                claim.setString(1, channel);
                claim.setTimestamp(2, Sql.ts(now));
                claim.setTimestamp(3, Sql.ts(now));
                claim.setInt(4, limit);
                claim.setTimestamp(5, Sql.ts(now.plus(lease)));
                claim.setObject(6, token);
                claim.setTimestamp(7, Sql.ts(now));
                claim.setTimestamp(8, Sql.ts(now));
                List<Claimed> claimed = new ArrayList<>();
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8),
                                List.of(Sql.strings(rs.getArray(9))), List.of(Sql.strings(rs.getArray(10))),
                                List.of(Sql.strings(rs.getArray(11))), rs.getInt(12), rs.getInt(13), rs.getInt(14),
                                Sql.instant(rs.getTimestamp(15)), token));
                    }
                }
                claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
                return claimed;
            }
        });
    }

    /** Records an attempt; false when the lease was lost meanwhile (another sender owns the delivery now). */
    public boolean complete(Completion done) {
        return sql.work(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE alert.deliveries SET status = ?, next_attempt_at = ?, lease_until = NULL, lease_token = NULL,
                        last_error = ?, response_code = ?, external_ref = COALESCE(?, external_ref),
                        delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END, updated_at = ?
                    WHERE id = ? AND lease_token = ?""")) {
                update.setString(1, done.status());
                update.setTimestamp(2, Sql.ts(done.nextAttemptAt()));
                update.setString(3, done.error());
                if (done.responseCode() == null) {
                    update.setNull(4, Types.INTEGER);
                } else {
                    update.setInt(4, done.responseCode());
                }
                update.setString(5, done.externalRef());
                update.setString(6, done.status());
                update.setTimestamp(7, Sql.ts(done.now()));
                update.setTimestamp(8, Sql.ts(done.now()));
                update.setLong(9, done.id());
                update.setObject(10, done.leaseToken());
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            insertAttempt(c, done);
            return true;
        });
    }

    /** Records a delivery that was sent right away (channel tests): the row and its single attempt. */
    public long insertSent(NewDelivery delivery, Completion done) {
        return sql.work(c -> {
            long id;
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO alert.deliveries (channel_name, channel_type, route_name, group_key, sequence, kind,
                        status, group_labels, finding_ids, new_ids, resolved_ids, firing_count, resolved_count,
                        attempts, last_attempt_at, last_error, response_code, external_ref, created_at, updated_at,
                        delivered_at)
                    VALUES (?, ?, NULL, ?, ?, ?, ?, '{}'::jsonb, ?, ?, '{}', ?, 0, 1, ?, ?, ?, ?, ?, ?, ?)
                    RETURNING id""")) {
                insert.setString(1, delivery.channel());
                insert.setString(2, delivery.channelType());
                insert.setString(3, delivery.groupKey());
                insert.setInt(4, delivery.sequence());
                insert.setString(5, delivery.kind());
                insert.setString(6, done.status());
                insert.setArray(7, Sql.texts(c, delivery.findingIds()));
                insert.setArray(8, Sql.texts(c, delivery.newIds()));
                insert.setInt(9, delivery.firingCount());
                insert.setTimestamp(10, Sql.ts(done.startedAt()));
                insert.setString(11, done.error());
                if (done.responseCode() == null) {
                    insert.setNull(12, Types.INTEGER);
                } else {
                    insert.setInt(12, done.responseCode());
                }
                insert.setString(13, done.externalRef());
                insert.setTimestamp(14, Sql.ts(done.startedAt()));
                insert.setTimestamp(15, Sql.ts(done.now()));
                insert.setTimestamp(16, "delivered".equals(done.status()) ? Sql.ts(done.now()) : null);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            insertAttempt(c, new Completion(id, null, 1, done.status(), null, done.responseCode(), done.error(),
                    done.externalRef(), done.startedAt(), done.durationMs(), done.now()));
            return id;
        });
    }

    private static void insertAttempt(Connection c, Completion done) throws SQLException {
        try (PreparedStatement attempt = c.prepareStatement("""
                INSERT INTO alert.delivery_attempts (delivery_id, attempt, started_at, duration_ms, outcome,
                    response_code, error) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (delivery_id, attempt) DO NOTHING""")) {
            attempt.setLong(1, done.id());
            attempt.setInt(2, done.attempt());
            attempt.setTimestamp(3, Sql.ts(done.startedAt()));
            attempt.setInt(4, done.durationMs());
            attempt.setString(5, done.status());
            if (done.responseCode() == null) {
                attempt.setNull(6, Types.INTEGER);
            } else {
                attempt.setInt(6, done.responseCode());
            }
            attempt.setString(7, done.error());
            attempt.executeUpdate();
        }
    }

    /** Gives up on the undelivered notifications of a deleted channel. */
    public int failUndelivered(String channel, String reason, Instant now) {
        return sql.work(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE alert.deliveries SET status = 'failed', last_error = ?, next_attempt_at = NULL,
                        lease_until = NULL, lease_token = NULL, updated_at = ?
                    WHERE channel_name = ? AND status IN ('pending', 'retrying')""")) {
                update.setString(1, reason);
                update.setTimestamp(2, Sql.ts(now));
                update.setString(3, channel);
                return update.executeUpdate();
            }
        });
    }

    /** Puts a failed delivery back in the queue with a fresh attempt budget; false unless it had failed. */
    public boolean requeue(long id, Instant now) {
        return sql.work(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE alert.deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ?
                    WHERE id = ? AND status = 'failed' AND kind <> 'test'""")) {
                update.setTimestamp(1, Sql.ts(now));
                update.setTimestamp(2, Sql.ts(now));
                update.setLong(3, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Deletes finished deliveries (and their attempts) created before {@code before}. */
    public int deleteFinishedOlderThan(Instant before) {
        return sql.work(c -> {
            try (PreparedStatement delete = c.prepareStatement("""
                    DELETE FROM alert.deliveries WHERE created_at < ? AND status IN ('delivered', 'failed', 'silenced')""")) {
                delete.setTimestamp(1, Sql.ts(before));
                return delete.executeUpdate();
            }
        });
    }
}
