package io.trailwatch.query.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads findings: a filtered page newest event first, one finding, or a filtered stream for export. */
@ApplicationScoped
public class FindingSearch {

    private static final String COLUMNS = "finding_id, rule_id, title, severity, severity_rank, category, cis::text AS cis,"
            + " account_id, region, event_time, event_id, event_name, event_source, principal_type, principal_arn,"
            + " principal_name, source_ip, country, city, latitude, longitude, user_agent, summary, detected_at,"
            + " outlier::text AS outlier, status, assignee, updated_at, updated_by, comment_count, version, stored_at";
    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(5);

    private final AgroalDataSource dataSource;

    public FindingSearch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} findings after {@code after}, newest event first, each with its matched record. */
    @Transactional
    public List<FindingView> page(FindingFilter filter, Cursor after, int limit, Duration timeout) {
        SqlQuery query = filter.toQuery().after("event_time", "finding_id", after);
        String sql = "SELECT " + COLUMNS + ", event::text AS event FROM query.findings" + query.where()
                + " ORDER BY event_time DESC, finding_id DESC LIMIT ?";
        try (Connection connection = dataSource.getConnection()) {
            SearchSettings.apply(connection, timeout);
            try (PreparedStatement statement = query.prepare(connection, sql, limit);
                 ResultSet rs = statement.executeQuery()) {
                List<FindingView> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(view(rs, true));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StoreException("searching findings", e);
        }
    }

    @Transactional
    public Optional<FindingView> find(String findingId) {
        String sql = "SELECT " + COLUMNS + ", event::text AS event FROM query.findings WHERE finding_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, findingId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(view(rs, true)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading finding " + findingId, e);
        }
    }

    /** Streams up to {@code maxRows} matching findings (without their records), newest event first. */
    public void stream(FindingFilter filter, int maxRows, EventSearch.RowSink<FindingView> sink) throws IOException {
        SqlQuery query = filter.toQuery();
        String sql = "SELECT " + COLUMNS + " FROM query.findings" + query.where()
                + " ORDER BY event_time DESC, finding_id DESC LIMIT ?";
        Streaming.run(dataSource, EXPORT_TIMEOUT, connection -> query.prepare(connection, sql, maxRows),
                rs -> sink.accept(view(rs, false)));
    }

    private static FindingView view(ResultSet rs, boolean withEvent) throws SQLException {
        FindingRow finding = new FindingRow(rs.getString("finding_id"), rs.getString("rule_id"), rs.getString("title"),
                rs.getString("severity"), rs.getInt("severity_rank"), rs.getString("category"), rs.getString("cis"),
                rs.getString("account_id"), rs.getString("region"), SqlQuery.instant(rs, "event_time"),
                rs.getString("event_id"), rs.getString("event_name"), rs.getString("event_source"),
                rs.getString("principal_type"), rs.getString("principal_arn"), rs.getString("principal_name"),
                rs.getString("source_ip"), rs.getString("country"), rs.getString("city"),
                SqlQuery.dbl(rs, "latitude"), SqlQuery.dbl(rs, "longitude"), rs.getString("user_agent"),
                rs.getString("summary"), SqlQuery.instant(rs, "detected_at"),
                withEvent ? rs.getString("event") : null, rs.getString("outlier"));
        return new FindingView(finding, rs.getString("status"), rs.getString("assignee"),
                SqlQuery.instant(rs, "updated_at"), rs.getString("updated_by"), rs.getInt("comment_count"),
                rs.getInt("version"), SqlQuery.instant(rs, "stored_at"));
    }
}
