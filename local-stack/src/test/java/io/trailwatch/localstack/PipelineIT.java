package io.trailwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.infra.DataDirectory;
import io.trailwatch.infra.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The four packaged services on real infrastructure: a CloudTrail file goes in through the collector and comes out
 * as a stored event, a stored finding and exactly one webhook notification; and a query-service crash in the
 * middle of an upload neither loses nor duplicates events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static WebhookReceiver receiver;
    private static LocalStack stack;
    private static Path data;

    @BeforeAll
    static void startPlatform() throws IOException {
        data = DataDirectory.temporary("trailwatch-it");
        System.setProperty("trailwatch.logdir", data.resolve("logs").toString());
        receiver = new WebhookReceiver();
        Map<String, Map<String, String>> extraEnv = Map.of("alert-service", Map.of(
                "TRAILWATCH_ALERT_BOOTSTRAP_WEBHOOK_URL", receiver.url(),
                "TRAILWATCH_ALERT_INITIAL_BACKOFF", "200ms",
                "TRAILWATCH_ALERT_SENDER_INTERVAL", "200ms"));
        Path home = Path.of(System.getProperty("trailwatch.home", "..")).toAbsolutePath().normalize();
        stack = new LocalStack(new StackOptions(home, data, StackPorts.free(), false, extraEnv),
                Map.of("TRAILWATCH_ADMIN_PASSWORD", "it-admin", "TRAILWATCH_VIEWER_PASSWORD", "it-viewer"),
                line -> System.out.println("[stack] " + line));
        stack.start();
    }

    @AfterAll
    static void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        DataDirectory.delete(data);
    }

    @Test
    @Order(1)
    void rootSignInBecomesOneStoredEventOneFindingAndOneNotification() throws Exception {
        String account = uniqueAccount();
        String rootEvent = UUID.randomUUID().toString();
        List<String> records = List.of(
                CloudTrailFiles.benignRead(UUID.randomUUID().toString(), account, "DescribeInstances", "01"),
                CloudTrailFiles.rootConsoleSignIn(rootEvent, account),
                CloudTrailFiles.benignRead(UUID.randomUUID().toString(), account, "DescribeVpcs", "02"));

        JsonNode accepted = upload(CloudTrailFiles.file(records));
        assertThat(accepted.get("records").asInt()).isEqualTo(3);
        assertThat(accepted.get("rejected").asInt()).isZero();

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.bodiesContaining(rootEvent).size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/findings", Map.of("accountId", account))
                .get("items").size() == 1);
        Thread.sleep(3000);

        List<String> notified = receiver.bodiesContaining(rootEvent);
        assertThat(notified).hasSize(1);
        JsonNode notification = MAPPER.readTree(notified.get(0));
        assertThat(notification.get("findings")).hasSize(1);
        assertThat(notification.get("findings").get(0).get("ruleId").asText()).isEqualTo("cis-root-account-usage");
        assertThat(notification.get("findings").get(0).get("eventID").asText()).isEqualTo(rootEvent);

        JsonNode findings = get("/api/v1/findings", Map.of("accountId", account)).get("items");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).get("ruleId").asText()).isEqualTo("cis-root-account-usage");
        assertThat(findings.get(0).get("eventID").asText()).isEqualTo(rootEvent);
        assertThat(findings.get(0).get("event").get("userIdentity").get("type").asText()).isEqualTo("Root");

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/events", Map.of("accountId", account))
                .get("items").size() == 3);
        JsonNode signIn = get("/api/v1/events", Map.of("accountId", account, "eventName", "ConsoleLogin")).get("items");
        assertThat(signIn).hasSize(1);
        assertThat(signIn.get(0).get("eventID").asText()).isEqualTo(rootEvent);
    }

    @Test
    @Order(2)
    void queryServiceKilledDuringAnUploadLosesAndDuplicatesNothing() throws Exception {
        String account = uniqueAccount();
        int files = 20;
        int perFile = 1000;
        Set<String> expected = new HashSet<>();
        List<String> bodies = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            List<String> records = new ArrayList<>();
            for (int r = 0; r < perFile; r++) {
                String id = UUID.randomUUID().toString();
                expected.add(id);
                records.add(CloudTrailFiles.benignRead(id, account, "GetObject", String.format("%02d", f)));
            }
            bodies.add(CloudTrailFiles.file(records));
        }

        CompletableFuture<Void> uploads = CompletableFuture.runAsync(() -> bodies.forEach(PipelineIT::uploadUnchecked));
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/events", Map.of("accountId", account))
                .get("items").size() > 0);
        ServiceProcess query = stack.service("query-service");
        query.kill();
        uploads.get();
        query.start();
        query.awaitReady(Duration.ofSeconds(120));

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> allEventIds(account).size() >= expected.size());
        List<String> stored = allEventIds(account);
        assertThat(stored).hasSize(expected.size());
        assertThat(new HashSet<>(stored)).isEqualTo(expected);
    }

    private static List<String> allEventIds(String account) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> params = cursor == null ? Map.of("accountId", account, "limit", "500")
                    : Map.of("accountId", account, "limit", "500", "cursor", cursor);
            JsonNode page = get("/api/v1/events", params);
            page.get("items").forEach(item -> ids.add(item.get("eventID").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return ids;
    }

    private static void uploadUnchecked(String body) {
        try {
            upload(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode upload(String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(stack.service("collector-service").url() + "/api/v1/intake/cloudtrail"))
                .header("Authorization", basic("admin", "it-admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return MAPPER.readTree(response.body());
    }

    private static JsonNode get(String path, Map<String, String> params) throws Exception {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(stack.service("query-service").url() + path + query))
                .header("Authorization", basic("viewer", "it-viewer")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String uniqueAccount() {
        return String.valueOf(100_000_000_000L + (long) (Math.random() * 899_999_999_999L));
    }
}
