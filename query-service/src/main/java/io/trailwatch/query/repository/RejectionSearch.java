package io.trailwatch.query.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the rejected inputs, newest first. */
@ApplicationScoped
public class RejectionSearch {

    public record RejectionRow(String id, String source, String reason, String message, Integer recordIndex,
                               String eventId, String sample, String rejectedBy, Instant rejectedAt,
                               Instant receivedAt) {
    }

    /** @param source a source or a prefix of one ending with {@code *}, e.g. {@code s3://bucket/AWSLogs/*} */
    public record Filter(Instant from, Instant to, List<String> reasons, String source, List<String> rejectedBy) {
    }

    private final AgroalDataSource dataSource;

    public RejectionSearch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public List<RejectionRow> page(Filter filter, Cursor after, int limit, Duration timeout) {
        SqlQuery query = new SqlQuery().from("rejected_at", filter.from()).to("rejected_at", filter.to())
                .anyOf("reason", filter.reasons()).anyOf("rejected_by", filter.rejectedBy());
        if (filter.source() != null) {
            query.matchesAny("source", List.of(filter.source()));
        }
        query.after("rejected_at", "rejection_id", after);
        String sql = "SELECT rejection_id, source, reason, message, record_index, event_id, sample, rejected_by,"
                + " rejected_at, received_at FROM query.rejections" + query.where()
                + " ORDER BY rejected_at DESC, rejection_id DESC LIMIT ?";
        try (Connection connection = dataSource.getConnection()) {
            SearchSettings.apply(connection, timeout);
            List<RejectionRow> rows = new ArrayList<>();
            try (PreparedStatement statement = query.prepare(connection, sql, limit);
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int index = rs.getInt("record_index");
                    rows.add(new RejectionRow(rs.getString("rejection_id"), rs.getString("source"),
                            rs.getString("reason"), rs.getString("message"), rs.wasNull() ? null : index,
                            rs.getString("event_id"), rs.getString("sample"), rs.getString("rejected_by"),
                            SqlQuery.instant(rs, "rejected_at"), SqlQuery.instant(rs, "received_at")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("searching rejections", e);
        }
    }
}
