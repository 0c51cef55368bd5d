package io.trailwatch.localstack.ui;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.infra.DataDirectory;
import io.trailwatch.localstack.LocalStack;
import io.trailwatch.localstack.StackOptions;
import io.trailwatch.localstack.StackPorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The platform every browser test runs against: one {@link LocalStack} per test JVM, started on first use, with the
 * known CloudTrail records of {@code ui/dashboard-cloudtrail.json} loaded through the collector, and stopped when the JVM
 * exits. Its event times are written as {@code ${now-<minutes>m}} and placed relative to {@link #now()} (the start
 * time rounded down to 5 minutes, the outlier detector's slice), so the data is always inside the last 24 hours.
 *
 * <p>The fixture (53 records): accounts {@link #ACCOUNT_A} (us-east-1) and {@link #ACCOUNT_B} (eu-west-1 API calls,
 * console sign-ins in us-east-1); see {@link DashboardFixture} for the findings each dashboard panel counts.
 */
public final class UiStack {

    public static final String ACCOUNT_A = "111111111111";
    public static final String ACCOUNT_B = "222222222222";
    public static final String FIXTURE = "/ui/dashboard-cloudtrail.json";
    public static final int FIXTURE_RECORDS = 53;

    private static final Map<String, String> PASSWORDS = Map.of(
            "admin", "ui-admin-pw", "analyst", "ui-analyst-pw", "viewer", "ui-viewer-pw");
    private static final Pattern TIME = Pattern.compile("\\$\\{now-(\\d+)m}");
    private static final int OLDER_THAN_MINUTES = 60;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static UiStack instance;

    private final LocalStack stack;
    private final Instant now;

    private UiStack(LocalStack stack, Instant now) {
        this.stack = stack;
        this.now = now;
    }

    /** The shared stack, started (and the fixture loaded) by the first caller. */
    public static synchronized UiStack get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static UiStack start() {
        Path data = DataDirectory.temporary("trailwatch-ui-it");
        System.setProperty("trailwatch.logdir", data.resolve("logs").toString());
        Path home = Path.of(System.getProperty("trailwatch.home", "..")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(new StackOptions(home, data, StackPorts.free(), false, Map.of()),
                Map.of("TRAILWATCH_ADMIN_PASSWORD", PASSWORDS.get("admin"),
                        "TRAILWATCH_ANALYST_PASSWORD", PASSWORDS.get("analyst"),
                        "TRAILWATCH_VIEWER_PASSWORD", PASSWORDS.get("viewer")),
                line -> System.out.println("[ui-stack] " + line));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            DataDirectory.delete(data);
        }, "ui-stack-shutdown"));
        stack.start();
        long seconds = Instant.now().getEpochSecond();
        UiStack ui = new UiStack(stack, Instant.ofEpochSecond(seconds - seconds % 300));
        ui.loadFixture();
        return ui;
    }

    /** The base URL of query-service (the web UI), e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return stack.service("query-service").url();
    }

    /** The password of a local user: admin, analyst or viewer. */
    public String password(String role) {
        String password = PASSWORDS.get(role);
        if (password == null) {
            throw new IllegalArgumentException("no local user '" + role + "'; users are " + PASSWORDS.keySet());
        }
        return password;
    }

    /** The instant the fixture's {@code ${now-Nm}} times count back from (a multiple of 5 minutes). */
    public Instant now() {
        return now;
    }

    public LocalStack stack() {
        return stack;
    }

    /** Replaces every {@code ${now-<minutes>m}} with that time before {@link #now()}. */
    public String withTimes(String cloudTrail) {
        Matcher m = TIME.matcher(cloudTrail);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, now.minus(Long.parseLong(m.group(1)), ChronoUnit.MINUTES).toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Uploads records (JSON objects) as one CloudTrail file through the collector; returns its answer. */
    public JsonNode upload(List<String> records) {
        return upload(records.stream().collect(Collectors.joining(",\n", "{\"Records\":[\n", "\n]}")));
    }

    /** Uploads a CloudTrail file ({@code {"Records":[...]}}) through the collector's HTTP intake. */
    public JsonNode upload(String cloudTrailFile) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(stack.service("collector-service").url() + "/api/v1/intake/cloudtrail"))
                    .header("Authorization", basic("admin"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(cloudTrailFile)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("collector refused the upload: " + response.statusCode() + " "
                        + response.body());
            }
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET on the query API as the given user; fails unless it answers 200. */
    public JsonNode api(String role, String path, Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(baseUrl() + path + (query.isEmpty() ? "" : "?" + query)))
                    .header("Authorization", basic(role)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + "?" + query + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The dashboard panels of the fixture's range as the API computes them. */
    public JsonNode panels(Map<String, String> params) {
        return api("viewer", "/api/v1/panels", params);
    }

    /**
     * Uploads the fixture in two files: first the records of an hour ago and older (the failed console sign-ins the
     * outlier detector counts), then, once their findings are stored, the newer ones. The outlier detector closes
     * a 5-minute slice when the event time of every busy partition has passed it by its grace period; were the
     * newer records read first, the older slices could close before all their sign-ins were counted.
     */
    private void loadFixture() {
        List<String> older = new ArrayList<>();
        List<String> newer = new ArrayList<>();
        try {
            for (JsonNode record : MAPPER.readTree(resource(FIXTURE)).get("Records")) {
                Matcher m = TIME.matcher(record.get("eventTime").asText());
                boolean old = m.matches() && Long.parseLong(m.group(1)) >= OLDER_THAN_MINUTES;
                (old ? older : newer).add(withTimes(MAPPER.writeValueAsString(record)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        upload(older);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                panelTotal("console-auth-failures") == DashboardFixture.total("console-auth-failures"));
        try {
            Thread.sleep(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        upload(newer);
        awaitFixture();
    }

    private long panelTotal(String panelId) {
        for (JsonNode section : rangePanels().get("sections")) {
            for (JsonNode panel : section.get("panels")) {
                if (panel.get("id").asText().equals(panelId)) {
                    return panel.get("total").asLong();
                }
            }
        }
        return 0;
    }

    private JsonNode rangePanels() {
        return panels(Map.of("from", now.minus(1, ChronoUnit.DAYS).toString(),
                "to", now.plus(1, ChronoUnit.HOURS).toString(), "accountId", ACCOUNT_A + "," + ACCOUNT_B));
    }

    /**
     * Until every record and CIS finding is stored and the failed-login spike's slice has closed: it closes once
     * every events partition has passed it by the grace period or gone idle (rules-service's idle-after, 30 s).
     */
    private void awaitFixture() {
        await().alias("the fixture's events, its CIS findings and the failed-login outlier")
                .atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        countEvents(ACCOUNT_A) + countEvents(ACCOUNT_B) == FIXTURE_RECORDS
                                && cisFindings() == DashboardFixture.CIS_FINDINGS && outlierPoints() > 0);
    }

    private int outlierPoints() {
        int total = 0;
        for (JsonNode series : rangePanels().get("outliers").get("series")) {
            total += series.get("outliers").asInt();
        }
        return total;
    }

    private int countEvents(String account) {
        return api("viewer", "/api/v1/events", Map.of("accountId", account, "limit", "500",
                "from", now.minus(1, ChronoUnit.DAYS).toString())).get("items").size();
    }

    private long cisFindings() {
        long total = 0;
        for (JsonNode section : rangePanels().get("sections")) {
            if (!section.get("id").asText().equals("other")) {
                for (JsonNode panel : section.get("panels")) {
                    total += panel.get("total").asLong();
                }
            }
        }
        return total;
    }

    private String basic(String role) {
        return "Basic " + Base64.getEncoder().encodeToString((role + ":" + password(role))
                .getBytes(StandardCharsets.UTF_8));
    }

    static String resource(String name) {
        try (InputStream in = UiStack.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
