package io.trailwatch.query.bench;

import io.trailwatch.contracts.FindingIds;
import io.trailwatch.infra.PostgresServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads the benchmark data set into a real PostgreSQL (local-infra, data kept under --dir) with the service's own
 * schema: --events CloudTrail events over the last --days days (default 20 million over 30), --findings findings
 * on 1% of them (default 200,000) with a realistic triage mix, the dashboard rollups and account list derived from
 * them exactly as ingestion maintains them, and an outlier series per account. Events go in with COPY, straight into
 * their day partitions, with the secondary indexes dropped and rebuilt afterwards (the usual bulk-load recipe).
 *
 * <pre>./mvnw -B -o -pl query-service exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.trailwatch.query.bench.BenchData -Dexec.args="--events 20000000 --findings 200000"</pre>
 */
public final class BenchData {

    static final String DATABASE = "trailwatch";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String[] STATUSES = {"open", "open", "open", "open", "open", "open", "open",
            "acknowledged", "acknowledged", "acknowledged", "resolved", "resolved", "false_positive"};

    private BenchData() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        long events = args.number("events", 20_000_000);
        long findings = args.number("findings", 200_000);
        int days = (int) args.number("days", 30);
        int port = (int) args.number("port", 55432);
        long seed = args.number("seed", 42);
        Path dir = args.dir();
        Files.createDirectories(dir);
        try (PostgresServer postgres = PostgresServer.start(dir.resolve("postgres"), port)) {
            postgres.ensureDatabase(DATABASE);
            String url = postgres.jdbcUrl(DATABASE);
            Flyway.configure().dataSource(url, PostgresServer.USER, PostgresServer.USER).schemas("query")
                    .defaultSchema("query").locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.USER)) {
                if (count(c, "SELECT count(*) FROM (SELECT 1 FROM query.events LIMIT 1) e") > 0) {
                    System.out.println("data is loaded already in " + dir + " (delete the directory to reload)");
                    return;
                }
                new BenchData().load(c, dir, events, findings, days, seed);
            }
        }
    }

    private void load(Connection c, Path dir, long events, long findings, int days, long seed) throws Exception {
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET max_wal_size = '8GB'");
            s.execute("ALTER SYSTEM SET checkpoint_timeout = '30min'");
            s.execute("SELECT pg_reload_conf()");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1);
        Instant end = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant start = end.minus(Duration.ofDays(days));
        createPartitions(c, first.minusDays(1), today.plusDays(2));
        List<String> eventIndexes = dropIndexes(c, "events");

        SyntheticCloudTrail generator = new SyntheticCloudTrail(seed, 24, 120, 20_000,
                Math.min(1.0, (double) findings / events));
        SplittableRandom triage = new SplittableRandom(seed + 1);
        Path findingFile = dir.resolve("findings.csv");
        long stored = 0;
        long findingRows = 0;
        try (BufferedWriter findingCsv = Files.newBufferedWriter(findingFile, StandardCharsets.UTF_8)) {
            PGConnection pg = c.unwrap(PGConnection.class);
            long stepNanos = Duration.between(start, end).toNanos() / events;
            Instant time = start;
            LocalDate day = null;
            CopyIn copy = null;
            StringBuilder chunk = new StringBuilder(1 << 22);
            for (long i = 0; i < events; i++) {
                LocalDate eventDay = LocalDate.ofInstant(time, ZoneOffset.UTC);
                if (!eventDay.equals(day)) {
                    if (copy != null) {
                        flush(copy, chunk);
                        copy.endCopy();
                        System.out.printf("  %s loaded (%,d events so far, %.0f s)%n", day, stored,
                                (System.nanoTime() - started) / 1e9);
                    }
                    day = eventDay;
                    copy = pg.getCopyAPI().copyIn("COPY query.events_p" + DAY.format(day) + " (event_id, event_time,"
                            + " account_id, region, event_source, event_name, event_type, principal_type,"
                            + " principal_arn, principal_name, principal_account_id, access_key_id, source_ip,"
                            + " source_inet, user_agent, error_code, error_message, read_only, console_login, mfa_used,"
                            + " record) FROM STDIN (FORMAT csv)");
                }
                SyntheticCloudTrail.Event e = generator.next(time);
                row(chunk, e.eventId(), e.eventTime().toString(), e.accountId(), e.region(), e.eventSource(),
                        e.eventName(), e.eventSource().equals("signin.amazonaws.com") ? "AwsConsoleSignIn"
                                : "AwsApiCall", e.principalType(), e.principalArn(), e.principalName(), e.accountId(),
                        e.accessKeyId(), e.sourceIp(), e.sourceIp(), e.userAgent(), e.errorCode(), e.errorMessage(),
                        String.valueOf(e.readOnly()), e.consoleLogin(), e.mfaUsed(), e.json());
                if (chunk.length() > (1 << 22)) {
                    flush(copy, chunk);
                }
                stored++;
                if (e.matched() != null && findingRows < findings) {
                    findingRow(findingCsv, e, triage);
                    findingRows++;
                }
                time = time.plusNanos(stepNanos);
            }
            if (copy != null) {
                flush(copy, chunk);
                copy.endCopy();
            }
        }
        System.out.printf("%,d events copied in %.0f s%n", stored, (System.nanoTime() - started) / 1e9);
        try (Reader reader = Files.newBufferedReader(findingFile, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY query.findings (finding_id, rule_id, title,"
                    + " severity, severity_rank, category, cis, account_id, region, event_time, event_id, event_name,"
                    + " event_source, principal_type, principal_arn, principal_name, source_ip, country,"
                    + " user_agent, summary, detected_at, event, status, assignee, updated_at, updated_by, version)"
                    + " FROM STDIN (FORMAT csv)", reader);
        }
        Files.delete(findingFile);
        System.out.printf("%,d findings copied%n", findingRows);

        long indexing = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '1GB'");
            for (String ddl : eventIndexes) {
                long t = System.nanoTime();
                s.execute(ddl);
                System.out.printf("  %.0f s  %s%n", (System.nanoTime() - t) / 1e9, ddl);
            }
        }
        System.out.printf("event indexes rebuilt in %.0f s%n", (System.nanoTime() - indexing) / 1e9);
        derive(c, end);
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM (ANALYZE)");
        }
        System.out.printf("done in %.0f s: %,d events (%s), %,d findings (%s), %,d rollup rows, %,d series points%n",
                (System.nanoTime() - started) / 1e9, stored, size(c, "events"), findingRows, size(c, "findings"),
                count(c, "SELECT count(*) FROM query.finding_rollups"),
                count(c, "SELECT count(*) FROM query.series_points"));
    }

    /** Rollups, accounts and outlier series, derived from the loaded rows the way ingestion derives them. */
    private static void derive(Connection c, Instant end) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO query.finding_rollups (bucket, rule_id, account_id, region, country, event_name,
                        findings)
                    SELECT date_bin('1 minute', event_time, timestamptz 'epoch'), rule_id, account_id,
                           coalesce(region, ''), coalesce(country, ''), coalesce(event_name, ''), count(*)
                      FROM query.findings GROUP BY 1, 2, 3, 4, 5, 6""");
            s.execute("""
                    INSERT INTO query.account_regions (account_id, region, first_event_time, last_event_time)
                    SELECT account_id, coalesce(region, ''), min(event_time), max(event_time)
                      FROM query.events GROUP BY 1, 2""");
            // The failed-login outlier detector: per account and 15-minute slice, the count, the mean and
            // population stddev of the ten previous slices, the 3-sigma band, and whether the slice is above it.
            s.execute("""
                    INSERT INTO query.series_points (series_id, bucket_start, detector_id, group_key, bucket_seconds,
                        value, mean, stddev, upper, lower, outlier, violation)
                    WITH slices AS (
                        SELECT a.account_id, s AS slice FROM (SELECT DISTINCT account_id FROM query.findings) a
                        CROSS JOIN generate_series(date_bin('15 minutes', (SELECT min(event_time) FROM query.findings),
                                                            timestamptz 'epoch'),
                                                   '%s'::timestamptz, interval '15 minutes') s),
                    counted AS (
                        SELECT s.account_id, s.slice, coalesce(n.value, 0) AS value
                          FROM slices s LEFT JOIN (
                               SELECT account_id, date_bin('15 minutes', event_time, timestamptz 'epoch') AS slice,
                                      count(*) AS value
                                 FROM query.findings WHERE rule_id = 'cis-console-auth-failures'
                                GROUP BY 1, 2) n USING (account_id, slice)),
                    banded AS (
                        SELECT *, avg(value) OVER w AS mean, stddev_pop(value) OVER w AS stddev,
                               count(*) OVER w AS previous
                          FROM counted
                        WINDOW w AS (PARTITION BY account_id ORDER BY slice ROWS BETWEEN 10 PRECEDING AND 1 PRECEDING))
                    SELECT 'outlier-console-auth-failures|' || account_id, slice, 'outlier-console-auth-failures',
                           account_id, 900, value,
                           CASE WHEN previous = 10 THEN mean END, CASE WHEN previous = 10 THEN stddev END,
                           CASE WHEN previous = 10 THEN mean + 3 * stddev END,
                           CASE WHEN previous = 10 THEN mean - 3 * stddev END,
                           previous = 10 AND value > mean + 3 * stddev AND value >= 3,
                           previous = 10 AND value > mean + 3 * stddev AND value >= 3
                      FROM banded""".formatted(end));
        }
    }

    private static void findingRow(BufferedWriter out, SyntheticCloudTrail.Event e, SplittableRandom random)
            throws IOException {
        SyntheticCloudTrail.Rule rule = e.matched();
        String status = STATUSES[random.nextInt(STATUSES.length)];
        boolean triaged = !status.equals("open") || random.nextInt(5) == 0;
        String assignee = triaged ? "analyst-" + random.nextInt(8) : null;
        String updatedAt = triaged ? e.eventTime().plusSeconds(600 + random.nextInt(7200)).toString() : null;
        int rank = switch (rule.severity()) {
            case "info" -> 0;
            case "low" -> 1;
            case "medium" -> 2;
            case "high" -> 3;
            default -> 4;
        };
        String who = e.principalName() != null ? e.principalName() : "root";
        StringBuilder sb = new StringBuilder(e.json().length() + 600);
        row(sb, FindingIds.forEvent(rule.id(), e.eventId()), rule.id(), rule.title(), rule.severity(),
                String.valueOf(rank), rule.category(), "{\"v1.4.0\": \"4.1\", \"v6.0.0\": \"5.1\"}", e.accountId(),
                e.region(), e.eventTime().toString(), e.eventId(), e.eventName(), e.eventSource(), e.principalType(),
                e.principalArn(), e.principalName(), e.sourceIp(), e.country(), e.userAgent(),
                who + " " + e.eventName() + " in " + e.accountId() + " from " + e.country(),
                e.eventTime().plusSeconds(20).toString(), e.json(), status, assignee, updatedAt,
                triaged ? assignee : null, triaged ? "1" : "0");
        out.append(sb);
    }

    /** One CSV line; null is an unquoted empty field (NULL to COPY). */
    private static void row(StringBuilder sb, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = values[i];
            if (v != null) {
                sb.append('"');
                for (int k = 0; k < v.length(); k++) {
                    char ch = v.charAt(k);
                    if (ch == '"') {
                        sb.append('"');
                    }
                    sb.append(ch);
                }
                sb.append('"');
            }
        }
        sb.append('\n');
    }

    private static void flush(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    private static void createPartitions(Connection c, LocalDate from, LocalDate to) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                s.execute("CREATE TABLE IF NOT EXISTS query.events_p" + DAY.format(d) + " PARTITION OF query.events"
                        + " FOR VALUES FROM ('" + d + " 00:00:00+00') TO ('" + d.plusDays(1) + " 00:00:00+00')");
            }
        }
    }

    /** Drops the table's indexes and primary key; returns the DDL that recreates them. */
    private static List<String> dropIndexes(Connection c, String table) throws SQLException {
        List<String> recreate = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT ci.relname, pg_get_indexdef(i.indexrelid), con.conname, pg_get_constraintdef(con.oid)
                  FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid
                  LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                 WHERE i.indrelid = 'query.%s'::regclass""".formatted(table))) {
            while (rs.next()) {
                if (rs.getString(3) != null) {
                    drop.add("ALTER TABLE query." + table + " DROP CONSTRAINT " + rs.getString(3));
                    recreate.add(0, "ALTER TABLE query." + table + " ADD CONSTRAINT " + rs.getString(3) + " "
                            + rs.getString(4));
                } else {
                    drop.add("DROP INDEX query." + rs.getString(1));
                    // The definition of a partitioned table's index reads "ON ONLY", which would recreate it on
                    // the parent alone (invalid, unused); without ONLY it is built on every partition.
                    recreate.add(rs.getString(2).replace(" ON ONLY ", " ON "));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String ddl : drop) {
                s.execute(ddl);
            }
        }
        return recreate;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String size(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'query'"
                        + " AND (c.relname = '" + table + "' OR c.relname LIKE '" + table + "_p%')"
                        + " AND c.relkind = 'r'")) {
            rs.next();
            return rs.getString(1);
        }
    }

}
