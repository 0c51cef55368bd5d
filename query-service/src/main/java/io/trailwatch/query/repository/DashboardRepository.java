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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's queries. Counts come from the per-minute rollups, never from events; the top principals and
 * source IPs come from the findings of the range (through an index that holds those columns). Counts are read per
 * hour, so that {@code DashboardHours} can keep whole hours in memory.
 */
@ApplicationScoped
public class DashboardRepository {

    /** What an aggregate row counts. */
    public enum Dimension { SERIES, EVENT_NAME, ACCOUNT, COUNTRY, HIGHLIGHT }

    /** One aggregate of the rollups: a rule's count per series bucket, or per value of a dimension. */
    public record Aggregate(String ruleId, Dimension dimension, String value, Instant bucket, long count) {
    }

    /** Findings of a panel in an hour with one principal or one source address: what its top lists add up. */
    public record GroupCount(Instant hour, String panelId, String dimension, String value, long count) {
    }

    /** The latest finding of a rule before the end of the range. */
    public record Latest(String ruleId, Instant eventTime, String title, String category, String severity) {
    }

    /** One point of an outlier series. */
    public record Point(String seriesId, String detectorId, String group, int bucketSeconds, Instant bucketStart,
                        long value, Double mean, Double stddev, Double upper, Double lower, boolean outlier,
                        boolean violation) {
    }

    /** The range and the account/region filters every dashboard query shares. */
    public record Scope(Instant from, Instant to, List<String> accountIds, List<String> regions) {

        SqlQuery rollups(Instant rangeFrom, Instant rangeTo) {
            return new SqlQuery().from("bucket", rangeFrom).to("bucket", rangeTo)
                    .anyOf("account_id", accountIds).anyOf("region", regions);
        }
    }

    // GROUPING(bucket, h, event_name, account_id, country, hl): a bit is 0 where the column is grouped on.
    private static final int BY_BUCKET = 0b011111;
    private static final int BY_EVENT_NAME = 0b100111;
    private static final int BY_ACCOUNT = 0b101011;
    private static final int BY_COUNTRY = 0b101101;
    private static final int BY_HIGHLIGHT = 0b011110;

    private final AgroalDataSource dataSource;

    public DashboardRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The versions of the hours in {@code [from, to)} that have findings (see {@code query.dashboard_hours}); an hour
     * without a row never had any.
     */
    @Transactional
    public Map<Instant, Long> hourVersions(Instant from, Instant to, Duration timeout) {
        SqlQuery where = new SqlQuery().from("hour", from).to("hour", to);
        try (Connection connection = dataSource.getConnection()) {
            SearchSettings.apply(connection, timeout);
            Map<Instant, Long> versions = new HashMap<>();
            try (PreparedStatement statement = where.prepare(connection,
                    "SELECT hour, version FROM query.dashboard_hours" + where.where());
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    versions.put(SqlQuery.instant(rs, "hour"), rs.getLong("version"));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new StoreException("reading the dashboard's hour versions", e);
        }
    }

    /**
     * In one scan of the scope's rollups, per rule: the counts per minute, per minute for each of
     * {@code highlightedEventNames}, and per hour by event name, by account and by country (those aggregates carry
     * the hour as their bucket).
     */
    @Transactional
    public List<Aggregate> aggregates(Scope scope, List<String> highlightedEventNames, Duration timeout) {
        SqlQuery where = scope.rollups(scope.from(), scope.to());
        String sql = """
                SELECT rule_id, bucket, h, event_name, account_id, country, hl, sum(findings) AS n,
                       GROUPING(bucket, h, event_name, account_id, country, hl) AS g
                  FROM (SELECT rule_id, bucket, date_bin('1 hour', bucket, timestamptz 'epoch') AS h,
                               event_name, account_id, country,
                               CASE WHEN event_name = ANY(?) THEN event_name END AS hl, findings
                          FROM query.finding_rollups%s) x
                 GROUP BY GROUPING SETS ((rule_id, bucket), (rule_id, h, event_name), (rule_id, h, account_id),
                                         (rule_id, h, country), (rule_id, bucket, hl))""".formatted(where.where());
        try (Connection connection = dataSource.getConnection()) {
            SearchSettings.applyForAggregation(connection, timeout);
            List<Aggregate> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", highlightedEventNames.toArray()));
                bindAfter(connection, statement, where, 2);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Aggregate aggregate = aggregate(rs);
                        if (aggregate != null) {
                            rows.add(aggregate);
                        }
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("reading dashboard rollups", e);
        }
    }

    private static Aggregate aggregate(ResultSet rs) throws SQLException {
        String rule = rs.getString("rule_id");
        long n = rs.getLong("n");
        return switch (rs.getInt("g")) {
            case BY_BUCKET -> new Aggregate(rule, Dimension.SERIES, null, SqlQuery.instant(rs, "bucket"), n);
            case BY_EVENT_NAME -> new Aggregate(rule, Dimension.EVENT_NAME, rs.getString("event_name"),
                    SqlQuery.instant(rs, "h"), n);
            case BY_ACCOUNT -> new Aggregate(rule, Dimension.ACCOUNT, rs.getString("account_id"),
                    SqlQuery.instant(rs, "h"), n);
            case BY_COUNTRY -> new Aggregate(rule, Dimension.COUNTRY, rs.getString("country"),
                    SqlQuery.instant(rs, "h"), n);
            case BY_HIGHLIGHT -> rs.getString("hl") == null ? null
                    : new Aggregate(rule, Dimension.HIGHLIGHT, rs.getString("hl"), SqlQuery.instant(rs, "bucket"), n);
            default -> null;
        };
    }

    /**
     * Per hour, the scope's findings per panel and principal and per panel and source address; {@code panelOfRule}
     * maps rule ids to panel ids (a rule it does not map is a panel of its own).
     */
    @Transactional
    public List<GroupCount> groupCounts(Scope scope, Map<String, String> panelOfRule, Duration timeout) {
        SqlQuery where = new SqlQuery().from("f.event_time", scope.from()).to("f.event_time", scope.to())
                .anyOf("f.account_id", scope.accountIds()).anyOf("f.region", scope.regions());
        String sql = """
                WITH m AS (SELECT * FROM unnest(?::text[], ?::text[]) AS m(rule_id, panel_id)),
                f AS (SELECT date_bin('1 hour', f.event_time, timestamptz 'epoch') AS h,
                             coalesce(m.panel_id, f.rule_id) AS panel,
                             coalesce(f.principal_arn, f.principal_name) AS principal, f.source_ip AS ip
                        FROM query.findings f LEFT JOIN m ON m.rule_id = f.rule_id%s)
                SELECT h, panel, GROUPING(principal) AS by_ip,
                       CASE WHEN GROUPING(principal) = 0 THEN principal ELSE ip END AS value, count(*) AS n
                  FROM f GROUP BY GROUPING SETS ((h, panel, principal), (h, panel, ip))""".formatted(where.where());
        try (Connection connection = dataSource.getConnection()) {
            SearchSettings.applyForAggregation(connection, timeout);
            List<GroupCount> counts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", panelOfRule.keySet().toArray()));
                statement.setArray(2, connection.createArrayOf("text", panelOfRule.values().toArray()));
                bindAfter(connection, statement, where, 3);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        String value = rs.getString("value");
                        if (value != null) {
                            counts.add(new GroupCount(SqlQuery.instant(rs, "h"), rs.getString("panel"),
                                    rs.getInt("by_ip") == 0 ? "principal" : "sourceIPAddress", value, rs.getLong("n")));
                        }
                    }
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new StoreException("reading dashboard top lists", e);
        }
    }

    /** For each rule, its latest finding before {@code scope.to()} within the scope's accounts and regions. */
    @Transactional
    public List<Latest> latest(Scope scope, List<String> ruleIds, Duration timeout) {
        SqlQuery where = new SqlQuery().to("f.event_time", scope.to())
                .anyOf("f.account_id", scope.accountIds()).anyOf("f.region", scope.regions());
        String sql = """
                SELECT r.rule_id, l.event_time, l.title, l.category, l.severity
                  FROM unnest(?::text[]) AS r(rule_id)
                  JOIN LATERAL (SELECT f.event_time, f.title, f.category, f.severity FROM query.findings f
                                 %s AND f.rule_id = r.rule_id
                                 ORDER BY f.event_time DESC, f.finding_id DESC LIMIT 1) l ON true"""
                .formatted(where.where());
        try (Connection connection = dataSource.getConnection()) {
            SearchSettings.apply(connection, timeout);
            List<Latest> latest = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", ruleIds.toArray()));
                bindAfter(connection, statement, where, 2);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        latest.add(new Latest(rs.getString(1), SqlQuery.instant(rs, "event_time"), rs.getString(3),
                                rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return latest;
        } catch (SQLException e) {
            throw new StoreException("reading the latest findings per rule", e);
        }
    }

    /** The outlier series points in the range; with account filters, only series grouped by those accounts. */
    @Transactional
    public List<Point> seriesPoints(Scope scope, Duration timeout) {
        SqlQuery where = new SqlQuery().from("bucket_start", scope.from()).to("bucket_start", scope.to())
                .anyOf("group_key", scope.accountIds());
        String sql = "SELECT series_id, detector_id, group_key, bucket_seconds, bucket_start, value, mean, stddev,"
                + " upper, lower, outlier, violation FROM query.series_points" + where.where()
                + " ORDER BY series_id, bucket_start";
        try (Connection connection = dataSource.getConnection()) {
            SearchSettings.apply(connection, timeout);
            List<Point> points = new ArrayList<>();
            try (PreparedStatement statement = where.prepare(connection, sql); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    points.add(new Point(rs.getString("series_id"), rs.getString("detector_id"),
                            rs.getString("group_key"), rs.getInt("bucket_seconds"),
                            SqlQuery.instant(rs, "bucket_start"), rs.getLong("value"), SqlQuery.dbl(rs, "mean"),
                            SqlQuery.dbl(rs, "stddev"), SqlQuery.dbl(rs, "upper"), SqlQuery.dbl(rs, "lower"),
                            rs.getBoolean("outlier"), rs.getBoolean("violation")));
                }
            }
            return points;
        } catch (SQLException e) {
            throw new StoreException("reading outlier series", e);
        }
    }

    /** Binds a query's values starting at {@code first}; returns the next free index. */
    private static int bindAfter(Connection connection, PreparedStatement statement, SqlQuery query, int first)
            throws SQLException {
        return query.bindFrom(connection, statement, first);
    }
}
