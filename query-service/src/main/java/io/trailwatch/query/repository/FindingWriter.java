package io.trailwatch.query.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Stores findings in one statement per batch and, in the same statement, adds the findings that were new (and only
 * those) to the dashboard rollups, so a redelivered finding is never counted twice, and raises the version of each
 * hour they fall in, so the dashboard's copy of that hour is read again.
 */
@ApplicationScoped
public class FindingWriter {

    private static final String INSERT = """
            WITH input AS (
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS t(finding_id, rule_id, title, severity, severity_rank, category, cis, account_id, region,
                         event_time, event_id, event_name, event_source, principal_type, principal_arn,
                         principal_name, source_ip, country, city, latitude, longitude, user_agent, summary,
                         detected_at, event, outlier)
            ), stored AS (
                INSERT INTO query.findings (finding_id, rule_id, title, severity, severity_rank, category, cis,
                    account_id, region, event_time, event_id, event_name, event_source, principal_type, principal_arn,
                    principal_name, source_ip, country, city, latitude, longitude, user_agent, summary, detected_at,
                    event, outlier)
                SELECT finding_id, rule_id, title, severity, severity_rank::smallint, category, cis::jsonb, account_id,
                       region, event_time::timestamptz, event_id, event_name, event_source, principal_type,
                       principal_arn, principal_name, source_ip, country, city, latitude::double precision,
                       longitude::double precision, user_agent, summary, detected_at::timestamptz, event::jsonb,
                       outlier::jsonb
                  FROM input
                ON CONFLICT (finding_id) DO NOTHING
                RETURNING rule_id, account_id, coalesce(region, '') AS region, coalesce(country, '') AS country,
                          coalesce(event_name, '') AS event_name, event_time
            ), counted AS (
                INSERT INTO query.finding_rollups AS r (bucket, rule_id, account_id, region, country, event_name,
                    findings)
                SELECT date_bin('1 minute', event_time, timestamptz 'epoch') AS bucket, rule_id, account_id, region,
                       country, event_name, count(*)
                  FROM stored
                 GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
                ON CONFLICT (bucket, rule_id, account_id, region, country, event_name) DO UPDATE
                   SET findings = r.findings + excluded.findings
            ), touched AS (
                INSERT INTO query.dashboard_hours AS h (hour, version)
                SELECT DISTINCT date_bin('1 hour', event_time, timestamptz 'epoch'), 1 FROM stored ORDER BY 1
                ON CONFLICT (hour) DO UPDATE SET version = h.version + 1
            )
            SELECT count(*) FROM stored""";

    private static final List<Function<FindingRow, Object>> COLUMNS = List.of(
            FindingRow::findingId, FindingRow::ruleId, FindingRow::title, FindingRow::severity,
            FindingRow::severityRank, FindingRow::category, FindingRow::cisJson, FindingRow::accountId,
            FindingRow::region, FindingRow::eventTime, FindingRow::eventId, FindingRow::eventName,
            FindingRow::eventSource, FindingRow::principalType, FindingRow::principalArn, FindingRow::principalName,
            FindingRow::sourceIp, FindingRow::country, FindingRow::city, FindingRow::latitude, FindingRow::longitude,
            FindingRow::userAgent, FindingRow::summary, FindingRow::detectedAt, FindingRow::eventJson,
            FindingRow::outlierJson);

    private final AgroalDataSource dataSource;

    public FindingWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the findings not stored yet and counts them in the rollups, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int insertNew(List<FindingRow> rows) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            ColumnArrays.bind(connection, insert, COLUMNS, rows);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("storing " + rows.size() + " findings", e);
        }
    }
}
