package io.trailwatch.alert.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.model.FindingFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The findings alert-service has seen, and the ones triage resolved. */
@ApplicationScoped
public class FindingStore {

    /** A resolution recorded for a finding. */
    public record Resolution(String findingId, Instant resolvedAt, String resolvedBy, String comment) {
    }

    private final Sql sql;
    private final ObjectMapper mapper;

    public FindingStore(Sql sql, ObjectMapper mapper) {
        this.sql = sql;
        this.mapper = mapper;
    }

    /** Stores findings not seen before; returns the ids that were new. */
    public Set<String> insertNew(Map<String, String> jsonById) {
        if (jsonById.isEmpty()) {
            return Set.of();
        }
        return sql.work(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO alert.findings (finding_id, finding)
                    SELECT * FROM unnest(?::text[], ?::text[])
                    ON CONFLICT (finding_id) DO NOTHING
                    RETURNING finding_id""")) {
                insert.setArray(1, Sql.texts(c, jsonById.keySet()));
                insert.setArray(2, Sql.texts(c, jsonById.values()));
                Set<String> fresh = new HashSet<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(rs.getString(1));
                    }
                }
                return fresh;
            }
        });
    }

    /** The stored findings among {@code ids}, parsed. */
    public Map<String, FindingFacts> load(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return sql.work(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT finding_id, finding FROM alert.findings WHERE finding_id = ANY(?)")) {
                select.setArray(1, Sql.texts(c, ids));
                Map<String, FindingFacts> found = new HashMap<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), parse(rs.getString(2)));
                    }
                }
                return found;
            }
        });
    }

    /** The ids among {@code ids} that triage resolved. */
    public Set<String> resolvedAmong(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return sql.work(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT finding_id FROM alert.finding_resolutions WHERE finding_id = ANY(?)")) {
                select.setArray(1, Sql.texts(c, ids));
                Set<String> resolved = new HashSet<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        resolved.add(rs.getString(1));
                    }
                }
                return resolved;
            }
        });
    }

    /** Records a resolution unless one exists; returns the one in force and whether it was new. */
    public Map.Entry<Resolution, Boolean> resolve(String findingId, String resolvedBy, String comment, Instant now) {
        return sql.work(c -> {
            boolean fresh;
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO alert.finding_resolutions (finding_id, resolved_at, resolved_by, comment)
                    VALUES (?, ?, ?, ?) ON CONFLICT (finding_id) DO NOTHING""")) {
                insert.setString(1, findingId);
                insert.setTimestamp(2, Sql.ts(now));
                insert.setString(3, resolvedBy);
                insert.setString(4, comment);
                fresh = insert.executeUpdate() == 1;
            }
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT resolved_at, resolved_by, comment FROM alert.finding_resolutions WHERE finding_id = ?""")) {
                select.setString(1, findingId);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return Map.entry(new Resolution(findingId, Sql.instant(rs.getTimestamp(1)), rs.getString(2),
                            rs.getString(3)), fresh);
                }
            }
        });
    }

    public Optional<Instant> receivedAt(String findingId) {
        return sql.work(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT received_at FROM alert.findings WHERE finding_id = ?")) {
                select.setString(1, findingId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(Sql.instant(rs.getTimestamp(1))) : Optional.empty();
                }
            }
        });
    }

    /** Deletes findings older than {@code before} that no open group still needs. */
    public int deleteOlderThan(Instant before) {
        return sql.work(c -> {
            try (PreparedStatement delete = c.prepareStatement("""
                    DELETE FROM alert.findings f WHERE f.received_at < ?
                    AND NOT EXISTS (SELECT 1 FROM alert.group_findings gf WHERE gf.finding_id = f.finding_id
                                    AND gf.status IN ('pending', 'notified', 'resolved'))""")) {
                delete.setTimestamp(1, Sql.ts(before));
                return delete.executeUpdate();
            }
        });
    }

    public FindingFacts parse(String json) {
        try {
            return FindingFacts.of(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored finding is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
