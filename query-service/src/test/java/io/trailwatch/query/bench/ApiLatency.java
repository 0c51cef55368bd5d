package io.trailwatch.query.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Measures API latency through HTTP against the data set of {@link BenchData}: starts PostgreSQL on that data,
 * Kafka and the packaged query-service, then sends each scenario's requests one after another (after a warm-up)
 * and prints the first request's time (nothing cached yet) and p50/p95/p99/max per scenario. Searches end at the
 * newest stored event; dashboards at a random time in the hour before it.
 *
 * <pre>./mvnw -B -o -pl query-service package -DskipTests
 * ./mvnw -B -o -pl query-service exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.trailwatch.query.bench.ApiLatency -Dexec.args="--requests 200"</pre>
 */
public final class ApiLatency {

    private ApiLatency() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        int requests = (int) args.number("requests", 200);
        int warmup = (int) args.number("warmup", 30);
        try (BenchStack stack = new BenchStack(args.dir(), (int) args.number("port", 55432))) {
            Instant end;
            List<String[]> principals = new ArrayList<>();
            List<String> ips = new ArrayList<>();
            List<String> accounts = new ArrayList<>();
            long events;
            long findings;
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "postgres");
                 Statement s = c.createStatement()) {
                events = BenchData.count(c, "SELECT count(*) FROM query.events");
                findings = BenchData.count(c, "SELECT count(*) FROM query.findings");
                try (ResultSet rs = s.executeQuery("SELECT max(event_time) FROM query.events")) {
                    rs.next();
                    end = rs.getObject(1, OffsetDateTime.class).toInstant();
                }
                try (ResultSet rs = s.executeQuery("SELECT principal_arn, principal_name FROM query.events"
                        + " TABLESAMPLE SYSTEM (0.05) WHERE principal_name IS NOT NULL LIMIT 500")) {
                    while (rs.next()) {
                        principals.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT host(source_inet) FROM query.events"
                        + " TABLESAMPLE SYSTEM (0.05) WHERE source_inet IS NOT NULL LIMIT 500")) {
                    while (rs.next()) {
                        ips.add(rs.getString(1));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT DISTINCT account_id FROM query.account_regions")) {
                    while (rs.next()) {
                        accounts.add(rs.getString(1));
                    }
                }
            }
            String base = stack.startService(args.dir(), (int) args.number("http-port", 18080));
            Random random = new Random(7);
            String week = "&from=" + end.minus(Duration.ofDays(7)) + "&to=" + end;
            Map<String, Supplier<String>> scenarios = new LinkedHashMap<>();
            // A dashboard's range ends "now": each request ends somewhere in the last hour of the data, so the
            // partial hours at both ends differ from request to request.
            Supplier<String> movingDay = () -> movingRange(end, Duration.ofDays(1), random);
            Supplier<String> movingWeek = () -> movingRange(end, Duration.ofDays(7), random);
            scenarios.put("panels, 24 h", () -> "/api/v1/panels?" + movingDay.get().substring(1));
            scenarios.put("panels, 7 days", () -> "/api/v1/panels?" + movingWeek.get().substring(1));
            scenarios.put("panels, 24 h, one account", () -> "/api/v1/panels?accountId="
                    + accounts.get(random.nextInt(accounts.size())) + movingDay.get());
            scenarios.put("panels, 7 days, one account", () -> "/api/v1/panels?accountId="
                    + accounts.get(random.nextInt(accounts.size())) + movingWeek.get());
            scenarios.put("events by principal ARN, 7 days", () -> "/api/v1/events?principal="
                    + encode(principals.get(random.nextInt(principals.size()))[0]) + week);
            scenarios.put("events by principal name, 7 days", () -> "/api/v1/events?principal="
                    + encode(principals.get(random.nextInt(principals.size()))[1]) + week);
            scenarios.put("events by source IP, 7 days", () -> "/api/v1/events?sourceIPAddress="
                    + encode(ips.get(random.nextInt(ips.size()))) + week);
            scenarios.put("events by source /16 block, 7 days", () -> {
                String[] octets = ips.get(random.nextInt(ips.size())).split("\\.");
                return "/api/v1/events?sourceIPAddress=" + encode(octets[0] + "." + octets[1] + ".0.0/16") + week;
            });
            scenarios.put("events by userAgent text, 7 days", () -> "/api/v1/events?userAgent=terraform" + week);
            scenarios.put("findings, first page", () -> "/api/v1/findings");
            scenarios.put("findings, first page, status=open", () -> "/api/v1/findings?status=open");
            scenarios.put("findings, first page, one rule, 7 days",
                    () -> "/api/v1/findings?ruleId=cis-console-auth-failures" + week);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString(("viewer:" + BenchStack.VIEWER_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            System.out.printf("%n%,d events, %,d findings, data up to %s, %d requests per scenario after %d "
                    + "warm-up requests, one client%n%n", events, findings, end, requests, warmup);
            System.out.println("| scenario | first ms | p50 ms | p95 ms | p99 ms | max ms | items/page |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (Map.Entry<String, Supplier<String>> scenario : scenarios.entrySet()) {
                double[] millis = new double[requests];
                double first = 0;
                long items = 0;
                for (int i = -warmup; i < requests; i++) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + scenario.getValue().get()))
                            .header("Authorization", auth).GET().build();
                    long t = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    double ms = (System.nanoTime() - t) / 1e6;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(scenario.getKey() + ": HTTP " + response.statusCode() + " "
                                + response.body());
                    }
                    if (i == -warmup) {
                        first = ms;
                    }
                    if (i >= 0) {
                        millis[i] = ms;
                        items += countItems(response.body());
                    }
                }
                Arrays.sort(millis);
                System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n", scenario.getKey(), first,
                        percentile(millis, 50), percentile(millis, 95), percentile(millis, 99),
                        millis[millis.length - 1], scenario.getKey().startsWith("panels") ? "–"
                                : String.format("%.1f", (double) items / requests));
            }
        }
    }

    private static String movingRange(Instant end, Duration length, Random random) {
        Instant to = end.minusSeconds(random.nextInt(3600));
        return "&from=" + to.minus(length) + "&to=" + to;
    }

    private static long countItems(String body) {
        int at = body.indexOf("\"items\":[");
        if (at < 0) {
            return 0;
        }
        return body.split("\"(eventID|findingId)\":", -1).length - 1;
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
