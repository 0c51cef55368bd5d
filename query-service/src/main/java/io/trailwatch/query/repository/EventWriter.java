package io.trailwatch.query.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Stores events in one statement per batch: every column travels as one array, the rows are unnested server-side,
 * inserted unless their (eventID, eventTime) is stored already, and the accounts/regions seen are updated from the
 * rows that were new, all in the caller's transaction.
 */
@ApplicationScoped
public class EventWriter {

    private static final String INSERT = """
            WITH input AS (
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[])
                    AS t(event_id, event_time, account_id, region, event_source, event_name, event_type,
                         principal_type, principal_arn, principal_name, principal_account_id, access_key_id,
                         source_ip, source_inet, user_agent, user_agent_id, error_code, error_message, read_only,
                         console_login, mfa_used, record)
            ), stored AS (
                INSERT INTO query.events (event_id, event_time, account_id, region, event_source, event_name,
                    event_type, principal_type, principal_arn, principal_name, principal_account_id, access_key_id,
                    source_ip, source_inet, user_agent, user_agent_id, error_code, error_message, read_only,
                    console_login, mfa_used, record)
                SELECT event_id, event_time::timestamptz, account_id, region, event_source, event_name, event_type,
                       principal_type, principal_arn, principal_name, principal_account_id, access_key_id, source_ip,
                       source_inet::inet, user_agent, user_agent_id::bigint, error_code, error_message,
                       read_only::boolean, console_login, mfa_used, record::jsonb
                  FROM input
                ON CONFLICT DO NOTHING
                RETURNING account_id, coalesce(region, '') AS region, event_time
            ), seen AS (
                INSERT INTO query.account_regions AS a (account_id, region, first_event_time, last_event_time)
                SELECT account_id, region, min(event_time), max(event_time)
                  FROM stored GROUP BY account_id, region ORDER BY account_id, region
                ON CONFLICT (account_id, region) DO UPDATE
                   SET first_event_time = least(a.first_event_time, excluded.first_event_time),
                       last_event_time = greatest(a.last_event_time, excluded.last_event_time)
                 WHERE excluded.first_event_time < a.first_event_time
                    OR excluded.last_event_time > a.last_event_time
            )
            SELECT count(*) FROM stored""";

    private static final List<Function<EventRow, Object>> COLUMNS_BEFORE_AGENT = List.of(
            EventRow::eventId, r -> timestampText(r.eventTime()), EventRow::accountId, EventRow::region,
            EventRow::eventSource, EventRow::eventName, EventRow::eventType, EventRow::principalType,
            EventRow::principalArn, EventRow::principalName, EventRow::principalAccountId, EventRow::accessKeyId,
            EventRow::sourceIp, EventRow::sourceInet, EventRow::userAgent);
    private static final List<Function<EventRow, Object>> COLUMNS_AFTER_AGENT = List.of(
            EventRow::errorCode, EventRow::errorMessage, r -> r.readOnly() == null ? null : r.readOnly().toString(),
            EventRow::consoleLogin, EventRow::mfaUsed, EventRow::record);

    private final AgroalDataSource dataSource;

    /**
     * The instant as PostgreSQL reads a timestamptz, {@code 2026-11-27T10:00:00Z}: whole seconds (CloudTrail's
     * eventTime) are written without a formatter, which took a noticeable part of ingestion's CPU.
     */
    static String timestampText(Instant time) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
        if (time.getNano() != 0 || t.getYear() < 0 || t.getYear() > 9999) {
            return time.toString();
        }
        char[] text = "0000-00-00T00:00:00Z".toCharArray();
        put(text, 0, t.getYear(), 4);
        put(text, 5, t.getMonthValue(), 2);
        put(text, 8, t.getDayOfMonth(), 2);
        put(text, 11, t.getHour(), 2);
        put(text, 14, t.getMinute(), 2);
        put(text, 17, t.getSecond(), 2);
        return new String(text);
    }

    private static void put(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public EventWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the rows not stored yet, in a transaction of its own; returns how many were new.
     *
     * @param userAgentIds the dictionary id of each row's userAgent
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int insertNew(List<EventRow> rows, Map<String, Long> userAgentIds) {
        List<Function<EventRow, Object>> columns = new ArrayList<>(COLUMNS_BEFORE_AGENT);
        columns.add(r -> r.userAgent() == null ? null : userAgentIds.get(r.userAgent()));
        columns.addAll(COLUMNS_AFTER_AGENT);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            ColumnArrays.bind(connection, insert, columns, rows);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("storing " + rows.size() + " events", e);
        }
    }
}
