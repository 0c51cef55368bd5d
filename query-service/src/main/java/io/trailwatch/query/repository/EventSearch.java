package io.trailwatch.query.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads events: a filtered page newest first, one event by eventID, or a filtered stream for export. */
@ApplicationScoped
public class EventSearch {

    private static final String LIST_COLUMNS = "event_id, event_time, account_id, region, event_source, event_name,"
            + " event_type, principal_type, principal_arn, principal_name, principal_account_id, access_key_id,"
            + " source_ip, user_agent, error_code, error_message, read_only, console_login, mfa_used";
    /** Exports may run longer than a page, but not forever. */
    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(5);

    private final AgroalDataSource dataSource;

    public EventSearch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} events after {@code after}, newest first (the record itself is not read). */
    @Transactional
    public List<EventRow> page(EventFilter filter, Cursor after, int limit, Duration timeout) {
        if (filter.matchesNothing()) {
            return List.of();
        }
        SqlQuery query = filter.toQuery().after("event_time", "event_id", after);
        String sql = "SELECT " + LIST_COLUMNS + " FROM query.events" + query.where()
                + " ORDER BY event_time DESC, event_id DESC LIMIT ?";
        try (Connection connection = dataSource.getConnection()) {
            SearchSettings.apply(connection, timeout);
            try (PreparedStatement statement = query.prepare(connection, sql, limit);
                 ResultSet rs = statement.executeQuery()) {
                List<EventRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row(rs, false));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StoreException("searching events", e);
        }
    }

    /** The event with this eventID, record included. */
    @Transactional
    public Optional<EventRow> find(String eventId) {
        String sql = "SELECT " + LIST_COLUMNS + ", record::text AS record FROM query.events WHERE event_id = ?"
                + " ORDER BY event_time DESC LIMIT 1";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(row(rs, true)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading event " + eventId, e);
        }
    }

    /** Streams up to {@code maxRows} matching events, newest first, to {@code sink} with a server-side cursor. */
    public void stream(EventFilter filter, int maxRows, RowSink<EventRow> sink) throws java.io.IOException {
        if (filter.matchesNothing()) {
            return;
        }
        SqlQuery query = filter.toQuery();
        String sql = "SELECT " + LIST_COLUMNS + " FROM query.events" + query.where()
                + " ORDER BY event_time DESC, event_id DESC LIMIT ?";
        Streaming.run(dataSource, EXPORT_TIMEOUT, connection -> query.prepare(connection, sql, maxRows),
                rs -> sink.accept(row(rs, false)));
    }

    private static EventRow row(ResultSet rs, boolean withRecord) throws SQLException {
        return new EventRow(rs.getString("event_id"), SqlQuery.instant(rs, "event_time"), rs.getString("account_id"),
                rs.getString("region"), rs.getString("event_source"), rs.getString("event_name"),
                rs.getString("event_type"), rs.getString("principal_type"), rs.getString("principal_arn"),
                rs.getString("principal_name"), rs.getString("principal_account_id"), rs.getString("access_key_id"),
                rs.getString("source_ip"), null, rs.getString("user_agent"), rs.getString("error_code"),
                rs.getString("error_message"), SqlQuery.bool(rs, "read_only"), rs.getString("console_login"),
                rs.getString("mfa_used"), withRecord ? rs.getString("record") : null);
    }

    /** Receives streamed rows; may fail writing to its client. */
    @FunctionalInterface
    public interface RowSink<T> {
        void accept(T row) throws java.io.IOException;
    }
}
