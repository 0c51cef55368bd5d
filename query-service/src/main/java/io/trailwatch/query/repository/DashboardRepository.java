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
import java.util.Map;

/**
 * The dashboard's queries. Counts come from the per-minute rollups, never from events; the top principals and
 * source IPs come from the findings of the range (through an index that holds those columns).
 */
@ApplicationScoped
public class DashboardRepository {

    /** What an aggregate row counts. */
    public enum Dimension { SERIES, EVENT_NAME, ACCOUNT, COUNTRY, HIGHLIGHT }

    /** One aggregate of the rollups: a rule's count per series bucket, or per value of a dimension. */
    public record Aggregate(String ruleId, Dimension dimension, String value, Instant bucket, long count) {
    }

    /** One entry of a panel's top list. */
    public record Top(String panelId, String dimension, String value, long count) {
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

    // GROUPING(b, event_name, account_id, country, hl): a bit is 0 where the column is grouped on.
    private static final int BY_BUCKET = 0b01111;
    private static final int BY_EVENT_NAME = 0b10111;
    private static final int BY_ACCOUNT = 0b11011;
    private static final int BY_COUNTRY = 0b11101;
    private static final int BY_HIGHLIGHT = 0b01110;

    private final AgroalDataSource dataSource;

    public DashboardRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * In one scan of the range's rollups: per rule the counts per bucket of {@code bucketSeconds}, per event name,
     * per account and per country, and per bucket for each of {@code highlightedEventNames}.
     */
    @Transactional
    public List<Aggregate> aggregates(Scope scope, long bucketSeconds, List<String> highlightedEventNames,
                                      Duration timeout) {
        SqlQuery where = scope.rollups(scope.from(), scope.to());
        String sql = """
                SELECT rule_id, b, event_name, account_id, country, hl, sum(findings) AS n,
                       GROUPING(b, event_name, account_id, country, hl) AS g
                  FROM (SELECT rule_id, date_bin(make_interval(secs => ?), bucket, timestamptz 'epoch') AS b,
                               event_name, account_id, country,
                               CASE WHEN event_name = ANY(?) THEN event_name END AS hl, findings
                          FROM query.finding_rollups%s) x
                 GROUP BY GROUPING SETS ((rule_id, b), (rule_id, event_name), (rule_id, account_id),
                                         (rule_id, country), (rule_id, hl, b))""".formatted(where.where());
        try (Connection connection = dataSource.getConnection()) {
            SearchSettings.applyForAggregation(connection, timeout);
            List<Aggregate> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, bucketSeconds);
                statement.setArray(2, connection.createArrayOf("text", highlightedEventNames.toArray()));
                bindAfter(connection, statement, where, 3);
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
            case BY_BUCKET -> new Aggregate(rule, Dimension.SERIES, null, SqlQuery.instant(rs, "b"), n);
            case BY_EVENT_NAME -> new Aggregate(rule, Dimension.EVENT_NAME, rs.getString("event_name"), null, n);
            case BY_ACCOUNT -> new Aggregate(rule, Dimension.ACCOUNT, rs.getString("account_id"), null, n);
            case BY_COUNTRY -> new Aggregate(rule, Dimension.COUNTRY, rs.getString("country"), null, n);
            case BY_HIGHLIGHT -> rs.getString("hl") == null ? null
                    : new Aggregate(rule, Dimension.HIGHLIGHT, rs.getString("hl"), SqlQuery.instant(rs, "b"), n);
            default -> null;
        };
    }

    /** Findings per rule in {@code [from, to)} (whole minutes). */
    @Transactional
    public Map<String, Long> totals(Scope scope, Instant from, Instant to, Duration timeout) {
        SqlQuery where = scope.rollups(from, to);
        String sql = "SELECT rule_id, sum(findings) FROM query.finding_rollups" + where.where() + " GROUP BY rule_id";
        try (Connection connection = dataSource.getConnection()) {
            SearchSettings.apply(connection, timeout);
            Map<String, Long> totals = new java.util.HashMap<>();
            try (PreparedStatement statement = where.prepare(connection, sql); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    totals.put(rs.getString(1), rs.getLong(2));
                }
            }
            return totals;
        } catch (SQLException e) {
            throw new StoreException("reading dashboard totals", e);
        }
    }

    /**
     * The {@code topN} principals and source IPs of each panel's findings in the range; {@code panelOfRule} maps
     * rule ids to panel ids (a rule it does not map is a panel of its own).
     */
    @Transactional
    public List<Top> tops(Scope scope, Map<String, String> panelOfRule, int topN, Duration timeout) {
        SqlQuery where = new SqlQuery().from("f.event_time", scope.from()).to("f.event_time", scope.to())
                .anyOf("f.account_id", scope.accountIds()).anyOf("f.region", scope.regions());
        String sql = """
                WITH m AS (SELECT * FROM unnest(?::text[], ?::text[]) AS m(rule_id, panel_id)),
                f AS (SELECT coalesce(m.panel_id, f.rule_id) AS panel,
                             coalesce(f.principal_arn, f.principal_name) AS principal, f.source_ip AS ip
                        FROM query.findings f LEFT JOIN m ON m.rule_id = f.rule_id%s),
                g AS (SELECT panel, principal, ip, GROUPING(principal) AS by_ip, count(*) AS n
                        FROM f GROUP BY GROUPING SETS ((panel, principal), (panel, ip))),
                r AS (SELECT panel, by_ip, CASE WHEN by_ip = 0 THEN principal ELSE ip END AS value, n
                        FROM g WHERE CASE WHEN by_ip = 0 THEN principal ELSE ip END IS NOT NULL),
                ranked AS (SELECT r.*, row_number() OVER (PARTITION BY panel, by_ip ORDER BY n DESC, value) AS rn
                             FROM r)
                SELECT panel, by_ip, value, n FROM ranked WHERE rn <= ?""".formatted(where.where());
        try (Connection connection = dataSource.getConnection()) {
            SearchSettings.applyForAggregation(connection, timeout);
            List<Top> tops = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", panelOfRule.keySet().toArray()));
                statement.setArray(2, connection.createArrayOf("text", panelOfRule.values().toArray()));
                int next = bindAfter(connection, statement, where, 3);
                statement.setInt(next, topN);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        tops.add(new Top(rs.getString(1), rs.getInt(2) == 0 ? "principal" : "sourceIPAddress",
                                rs.getString(3), rs.getLong(4)));
                    }
                }
            }
            return tops;
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
