package io.trailwatch.alert.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.testing.AlertProcess;
import io.trailwatch.alert.testing.FakeJira;
import io.trailwatch.alert.testing.Findings;
import io.trailwatch.alert.testing.Receiver;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.ServiceProcess;
import io.trailwatch.infra.testing.SharedInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The packaged alert-service killed with SIGKILL in the middle of a burst and started again: every finding is
 * notified (retransmissions carry the notification's webhook-id) and Jira gets exactly one issue per group.
 */
class AlertCrashIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FINDING_LINK = Pattern.compile("/findings/(f-[0-9a-f]{16})");
    private static final int ACCOUNTS = 4;
    private static final String[] RULES = {"cis-root-account-usage", "cis-iam-policy-changes",
        "cis-console-signin-without-mfa", "cis-vpc-changes", "cis-security-group-changes"};
    private static final int PER_GROUP = 20;

    @Test
    void killedMidBurstAndRestartedNotifiesEveryFindingWithoutADuplicateTicket() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        try (Receiver webhook = Receiver.answering(204); FakeJira jira = new FakeJira("bot@example.test", "jira-token")) {
            ServiceProcess alert = AlertProcess.create(SharedInfra.kafka(), SharedInfra.postgres(),
                    webhook.url("/hook"), Map.of(
                            "TRAILWATCH_ALERT_SENDER_INTERVAL", "200ms",
                            "TRAILWATCH_ALERT_INITIAL_BACKOFF", "200ms",
                            "TRAILWATCH_ALERT_DELIVERY_LEASE", "5s",
                            "TRAILWATCH_ALERT_CONNECT_TIMEOUT", "1s",
                            "TRAILWATCH_ALERT_REQUEST_TIMEOUT", "2s"),
                    logs.resolve("alert-crash.log"));
            try {
                alert.start();
                alert.awaitReady(Duration.ofSeconds(120));
                api(alert, "POST", "/api/v1/channels", """
                        {"name": "jira", "type": "jira", "baseUrl": "%s", "email": "bot@example.test",
                         "apiToken": "jira-token", "projectKey": "SEC"}""".formatted(jira.baseUrl()));
                api(alert, "POST", "/api/v1/routes", """
                        {"name": "tickets", "order": -10, "channels": ["jira"], "groupBy": ["ruleId", "accountId"],
                         "groupWait": "0s", "groupInterval": "1s", "repeatInterval": "0s", "continue": true}""");

                List<ObjectNode> findings = burst();
                CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produce(findings));
                await().atMost(Duration.ofSeconds(60)).until(() -> webhook.requests().size() >= 40);
                alert.kill();
                producing.get();
                alert.start();
                alert.awaitReady(Duration.ofSeconds(120));

                Set<String> expected = new HashSet<>();
                findings.forEach(f -> expected.add(f.get("findingId").asText()));
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> notifiedByWebhook(webhook).keySet().containsAll(expected));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> inJira(jira).containsAll(expected));

                Map<String, Set<String>> webhookIds = notifiedByWebhook(webhook);
                assertThat(webhookIds.keySet()).isEqualTo(expected);
                assertThat(webhookIds.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
                assertThat(jira.issues()).hasSize(ACCOUNTS * RULES.length);
                Set<String> groups = new HashSet<>();
                jira.issues().forEach(i -> groups.add(i.labels().get(1)));
                assertThat(groups).hasSize(ACCOUNTS * RULES.length);
            } finally {
                alert.stop(Duration.ofSeconds(20));
            }
        }
    }

    private static List<ObjectNode> burst() {
        List<ObjectNode> findings = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            accounts.add(Findings.uniqueAccount());
        }
        for (int i = 0; i < PER_GROUP; i++) {
            for (String account : accounts) {
                for (String rule : RULES) {
                    findings.add(Findings.finding(Findings.newId(), rule, "high", account));
                }
            }
        }
        return findings;
    }

    private static void produce(List<ObjectNode> findings) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", SharedInfra.kafka().bootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            for (ObjectNode f : findings) {
                producer.send(new ProducerRecord<>(Topics.FINDINGS, f.get("accountId").asText(), f.toString()));
                Thread.sleep(10);
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** finding id -> the webhook-ids of the requests that carried it. */
    private static Map<String, Set<String>> notifiedByWebhook(Receiver webhook) throws Exception {
        Map<String, Set<String>> ids = new HashMap<>();
        for (Receiver.Request r : webhook.requests()) {
            for (JsonNode f : MAPPER.readTree(r.body()).get("findings")) {
                ids.computeIfAbsent(f.get("findingId").asText(), k -> new HashSet<>()).add(r.header("webhook-id"));
            }
        }
        return ids;
    }

    private static Set<String> inJira(FakeJira jira) {
        Set<String> ids = new HashSet<>();
        for (FakeJira.Issue issue : jira.issues()) {
            collect(issue.fields().path("description").toString(), ids);
            issue.comments().forEach(c -> collect(c.toString(), ids));
        }
        return ids;
    }

    private static void collect(String text, Set<String> ids) {
        Matcher m = FINDING_LINK.matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
    }

    private static void api(ServiceProcess alert, String method, String path, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(alert.url() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + AlertProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }
}
