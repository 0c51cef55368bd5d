package io.trailwatch.alert.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Alert groups and their findings: what the grouping timers work on. */
@ApplicationScoped
public class GroupStore {

    /** A group a batch of findings falls into; created with its first flush at now + groupWait. */
    public record Upsert(String route, String key, String labelsJson, long groupIntervalMs, long groupWaitMs) {
    }

    /** A finding to add to a group; silenceId when a silence matched it on arrival. */
    public record NewMember(long groupId, String findingId, UUID silenceId) {
    }

    /** A group whose timer is due, locked for this transaction. */
    public record Due(long id, String route, String key, String labelsJson, Instant lastFlushAt,
                      Instant lastNotifiedAt, int notifications) {
    }

    /** A finding of a group that is not closed yet. */
    public record Member(long groupId, String findingId, String status, UUID silenceId, Instant addedAt) {
    }

    /** A new status for a group's finding. */
    public record MemberUpdate(long groupId, String findingId, String status, UUID silenceId) {
    }

    /** A group after its flush. */
    public record Flushed(long id, Instant nextFlushAt, Instant lastNotifiedAt, int notifications) {
    }

    private final Sql sql;

    public GroupStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Creates missing groups and schedules existing ones: a group that was flushed before is looked at again at
     * the earlier of its next planned flush and one group interval after its last flush (not before now).
     * Returns the group ids keyed by route and key ({@code route + '\n' + key}).
     */
    public Map<String, Long> upsert(List<Upsert> groups, Instant now) {
        if (groups.isEmpty()) {
            return Map.of();
        }
        return sql.work(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO alert.alert_groups AS g (route_name, group_key, labels, group_interval_ms, next_flush_at,
                                                        created_at)
                    SELECT r, k, l::jsonb, gi, ?::timestamptz + gw * interval '1 millisecond', ?::timestamptz
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) AS t(r, k, l, gi, gw)
                    ON CONFLICT (route_name, group_key) DO UPDATE SET
                        group_interval_ms = EXCLUDED.group_interval_ms,
                        next_flush_at = CASE
                            WHEN g.last_flush_at IS NULL THEN COALESCE(g.next_flush_at, EXCLUDED.next_flush_at)
                            ELSE LEAST(COALESCE(g.next_flush_at, 'infinity'::timestamptz),
                                       GREATEST(?::timestamptz,
                                                g.last_flush_at + EXCLUDED.group_interval_ms * interval '1 millisecond'))
                            END
                    RETURNING id, route_name, group_key""")) {
                upsert.setTimestamp(1, Sql.ts(now));
                upsert.setTimestamp(2, Sql.ts(now));
                upsert.setArray(3, Sql.texts(c, groups.stream().map(Upsert::route).toList()));
                upsert.setArray(4, Sql.texts(c, groups.stream().map(Upsert::key).toList()));
                upsert.setArray(5, Sql.texts(c, groups.stream().map(Upsert::labelsJson).toList()));
                upsert.setArray(6, c.createArrayOf("bigint", groups.stream().map(Upsert::groupIntervalMs).toArray()));
                upsert.setArray(7, c.createArrayOf("bigint", groups.stream().map(Upsert::groupWaitMs).toArray()));
                upsert.setTimestamp(8, Sql.ts(now));
                Map<String, Long> ids = new HashMap<>();
                try (ResultSet rs = upsert.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(2) + '\n' + rs.getString(3), rs.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    public void addMembers(List<NewMember> members, Instant now) {
        if (members.isEmpty()) {
            return;
        }
        sql.work(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO alert.group_findings (group_id, finding_id, status, silence_id, added_at, updated_at)
                    SELECT g, f, 'pending', s, ?, ? FROM unnest(?::bigint[], ?::text[], ?::uuid[]) AS t(g, f, s)
                    ON CONFLICT (group_id, finding_id) DO NOTHING""")) {
                insert.setTimestamp(1, Sql.ts(now));
                insert.setTimestamp(2, Sql.ts(now));
                insert.setArray(3, c.createArrayOf("bigint", members.stream().map(NewMember::groupId).toArray()));
                insert.setArray(4, Sql.texts(c, members.stream().map(NewMember::findingId).toList()));
                insert.setArray(5, c.createArrayOf("uuid", members.stream().map(NewMember::silenceId).toArray()));
                return insert.executeUpdate();
            }
        });
    }

    /** Groups whose timer is due at {@code now}, locked; groups another instance is flushing are skipped. */
    public List<Due> lockDue(Instant now, int limit) {
        return sql.work(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT id, route_name, group_key, labels::text, last_flush_at, last_notified_at, notifications
                    FROM alert.alert_groups WHERE next_flush_at <= ?
                    ORDER BY next_flush_at LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                select.setTimestamp(1, Sql.ts(now));
                select.setInt(2, limit);
                List<Due> due = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Sql.instant(rs.getTimestamp(5)), Sql.instant(rs.getTimestamp(6)), rs.getInt(7)));
                    }
                }
                return due;
            }
        });
    }

    /** The pending, notified and resolved findings of the groups, oldest first. */
    public List<Member> openMembers(Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return sql.work(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT group_id, finding_id, status, silence_id, added_at FROM alert.group_findings
                    WHERE group_id = ANY(?) AND status IN ('pending', 'notified', 'resolved')
                    ORDER BY added_at, finding_id""")) {
                select.setArray(1, c.createArrayOf("bigint", groupIds.toArray()));
                List<Member> members = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        members.add(new Member(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4, UUID.class), Sql.instant(rs.getTimestamp(5))));
                    }
                }
                return members;
            }
        });
    }

    public void updateMembers(List<MemberUpdate> updates, Instant now) {
        if (updates.isEmpty()) {
            return;
        }
        sql.work(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE alert.group_findings gf SET status = t.s, silence_id = COALESCE(t.sid, gf.silence_id),
                        updated_at = ?
                    FROM unnest(?::bigint[], ?::text[], ?::text[], ?::uuid[]) AS t(g, f, s, sid)
                    WHERE gf.group_id = t.g AND gf.finding_id = t.f""")) {
                update.setTimestamp(1, Sql.ts(now));
                update.setArray(2, c.createArrayOf("bigint", updates.stream().map(MemberUpdate::groupId).toArray()));
                update.setArray(3, Sql.texts(c, updates.stream().map(MemberUpdate::findingId).toList()));
                update.setArray(4, Sql.texts(c, updates.stream().map(MemberUpdate::status).toList()));
                update.setArray(5, c.createArrayOf("uuid", updates.stream().map(MemberUpdate::silenceId).toArray()));
                return update.executeUpdate();
            }
        });
    }

    public void finishFlush(List<Flushed> groups, Instant now) {
        if (groups.isEmpty()) {
            return;
        }
        sql.work(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE alert.alert_groups SET next_flush_at = ?, last_flush_at = ?, last_notified_at = ?,
                        notifications = ? WHERE id = ?""")) {
                for (Flushed g : groups) {
                    update.setTimestamp(1, Sql.ts(g.nextFlushAt()));
                    update.setTimestamp(2, Sql.ts(now));
                    update.setTimestamp(3, Sql.ts(g.lastNotifiedAt()));
                    update.setInt(4, g.notifications());
                    update.setLong(5, g.id());
                    update.addBatch();
                }
                return update.executeBatch();
            }
        });
    }

    public void delete(Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return;
        }
        sql.work(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM alert.alert_groups WHERE id = ANY(?)")) {
                delete.setArray(1, c.createArrayOf("bigint", groupIds.toArray()));
                return delete.executeUpdate();
            }
        });
    }

    /**
     * Marks {@code findingId} resolved in every group: not notified yet = closed (it never notifies), notified =
     * resolved (the resolution is notified at the group's next flush, which is scheduled here). Returns how many
     * groups will notify the resolution.
     */
    public int resolve(String findingId, Instant now) {
        return sql.work(c -> {
            try (PreparedStatement close = c.prepareStatement("""
                    UPDATE alert.group_findings SET status = 'closed', updated_at = ?
                    WHERE finding_id = ? AND status = 'pending'""")) {
                close.setTimestamp(1, Sql.ts(now));
                close.setString(2, findingId);
                close.executeUpdate();
            }
            List<Long> groups = new ArrayList<>();
            try (PreparedStatement resolve = c.prepareStatement("""
                    UPDATE alert.group_findings SET status = 'resolved', updated_at = ?
                    WHERE finding_id = ? AND status = 'notified' RETURNING group_id""")) {
                resolve.setTimestamp(1, Sql.ts(now));
                resolve.setString(2, findingId);
                try (ResultSet rs = resolve.executeQuery()) {
                    while (rs.next()) {
                        groups.add(rs.getLong(1));
                    }
                }
            }
            if (!groups.isEmpty()) {
                try (PreparedStatement schedule = c.prepareStatement("""
                        UPDATE alert.alert_groups SET next_flush_at = LEAST(
                            COALESCE(next_flush_at, 'infinity'::timestamptz),
                            GREATEST(?::timestamptz, COALESCE(last_flush_at, ?::timestamptz)
                                                     + group_interval_ms * interval '1 millisecond'))
                        WHERE id = ANY(?)""")) {
                    schedule.setTimestamp(1, Sql.ts(now));
                    schedule.setTimestamp(2, Sql.ts(now));
                    schedule.setArray(3, c.createArrayOf("bigint", groups.toArray()));
                    schedule.executeUpdate();
                }
            }
            return groups.size();
        });
    }

    /** Deletes idle groups whose last activity is older than {@code before}. */
    public int deleteIdleOlderThan(Instant before) {
        return sql.work(c -> {
            try (PreparedStatement delete = c.prepareStatement("""
                    DELETE FROM alert.alert_groups g WHERE g.next_flush_at IS NULL
                    AND COALESCE(g.last_flush_at, g.created_at) < ?
                    AND NOT EXISTS (SELECT 1 FROM alert.group_findings gf WHERE gf.group_id = g.id
                                    AND gf.status IN ('pending', 'notified', 'resolved'))""")) {
                delete.setTimestamp(1, Sql.ts(before));
                return delete.executeUpdate();
            }
        });
    }

    /** Notified findings that joined before {@code before} stop firing (they no longer repeat). */
    public int closeFiringOlderThan(Instant before, Instant now) {
        return sql.work(c -> {
            try (PreparedStatement close = c.prepareStatement("""
                    UPDATE alert.group_findings SET status = 'closed', updated_at = ?
                    WHERE status = 'notified' AND added_at < ?""")) {
                close.setTimestamp(1, Sql.ts(now));
                close.setTimestamp(2, Sql.ts(before));
                return close.executeUpdate();
            }
        });
    }
}
