package io.trailwatch.alert.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trailwatch.alert.testing.Api;
import io.trailwatch.alert.testing.Findings;
import io.trailwatch.alert.testing.GreenMailResource;
import io.trailwatch.alert.testing.Receiver;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PagerDuty and Opsgenie: one incident/alert per group via the dedup key, resolved when triage resolves. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class OnCallChannelsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void pagerDutyTriggersWithTheGroupKeyAndResolvesWhenEveryFindingIsResolved() throws Exception {
        String account = Findings.uniqueAccount();
        try (Receiver pd = new Receiver(r -> Receiver.Reply.json(202,
                "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}"))) {
            String channel = "pd-" + account;
            Api.createChannel("""
                    {"name": "%s", "type": "pagerduty", "routingKey": {"fromEnv": "TRAILWATCH_SECRET_TEST_ROUTING_KEY"},
                     "eventsUrl": "%s"}""".formatted(channel, pd.url("/v2/enqueue"))).statusCode(201);
            groupedRoute(account, channel);
            String first = Findings.newId();
            String second = Findings.newId();
            Findings.publish(Findings.finding(first, "cis-root-account-usage", "critical", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> pd.requests().size() == 1);
            Findings.publish(Findings.finding(second, "cis-root-account-usage", "critical", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> pd.requests().size() == 2);

            List<JsonNode> events = events(pd);
            JsonNode trigger = events.get(0);
            String dedupKey = trigger.get("dedup_key").asText();
            assertThat(dedupKey).startsWith("tw-");
            assertThat(trigger.get("routing_key").asText()).isEqualTo("test-routing-key-from-env");
            assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
            JsonNode payload = trigger.get("payload");
            assertThat(payload.get("severity").asText()).isEqualTo("critical");
            assertThat(payload.get("source").asText()).isEqualTo("aws:" + account);
            assertThat(payload.get("class").asText()).isEqualTo("cis-root-account-usage");
            assertThat(payload.get("summary").asText()).isEqualTo("Root account usage in " + account);
            assertThat(payload.get("timestamp").asText()).isEqualTo("2026-11-27T10:04:31Z");
            assertThat(trigger.get("links").get(0).get("href").asText()).startsWith("https://trailwatch.test/");
            assertThat(events.get(1).get("dedup_key").asText()).isEqualTo(dedupKey);
            assertThat(events.get(1).get("payload").get("custom_details").get("findings").asText())
                    .isEqualTo("2 firing, 1 new");

            Api.as("viewer").body("{}").post("/api/v1/findings/" + first + "/resolved").then().statusCode(403);
            Api.as("analyst").body("{\"comment\": \"expected maintenance\"}")
                    .post("/api/v1/findings/" + first + "/resolved").then().statusCode(200);
            await().atMost(Duration.ofSeconds(45)).until(() -> pd.requests().size() == 3);
            assertThat(events(pd).get(2).get("event_action").asText()).isEqualTo("trigger");

            Api.as("analyst").body("").post("/api/v1/findings/" + second + "/resolved").then().statusCode(200);
            await().atMost(Duration.ofSeconds(45)).until(() -> pd.requests().size() == 4);
            JsonNode resolve = events(pd).get(3);
            assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
            assertThat(resolve.get("dedup_key").asText()).isEqualTo(dedupKey);
            assertThat(resolve.get("routing_key").asText()).isEqualTo("test-routing-key-from-env");

            Api.as("analyst").body("").post("/api/v1/findings/" + second + "/resolved").then().statusCode(200)
                    .body("alreadyResolved", equalTo(true));
            Thread.sleep(1500);
            assertThat(pd.requests()).hasSize(4);
        }
    }

    @Test
    void aFindingResolvedBeforeItsGroupNotifiedIsNeverNotified() throws Exception {
        String account = Findings.uniqueAccount();
        try (Receiver pd = Receiver.answering(202)) {
            String channel = "pd-" + account;
            Api.createChannel("""
                    {"name": "%s", "type": "pagerduty", "routingKey": "key-%s", "eventsUrl": "%s"}"""
                    .formatted(channel, account, pd.url("/v2/enqueue"))).statusCode(201);
            Api.createRoute("""
                    {"name": "r-%s", "channels": ["%s"], "match": {"accountIds": ["%s"]}, "groupBy": ["ruleId"],
                     "groupWait": "2s", "groupInterval": "1s", "repeatInterval": "0s"}"""
                    .formatted(account, channel, account)).statusCode(201);
            String id = Findings.newId();
            Findings.publish(Findings.finding(id, "cis-root-account-usage", "critical", account));
            Thread.sleep(500);
            Api.as("analyst").body("").post("/api/v1/findings/" + id + "/resolved").then().statusCode(200);
            Thread.sleep(3500);
            assertThat(pd.requests()).isEmpty();
        }
    }

    @Test
    void opsgenieCreatesWithTheGroupKeyAsAliasAndClosesByAlias() throws Exception {
        String account = Findings.uniqueAccount();
        try (Receiver opsgenie = new Receiver(r -> Receiver.Reply.json(202,
                "{\"result\":\"Request will be processed\",\"requestId\":\"43a29c5c\"}"))) {
            String channel = "og-" + account;
            Api.createChannel("""
                    {"name": "%s", "type": "opsgenie", "apiKey": "og-key-%s", "apiUrl": "%s",
                     "responders": [{"type": "team", "name": "SecOps"}], "tags": ["aws"]}"""
                    .formatted(channel, account, opsgenie.url(""))).statusCode(201);
            groupedRoute(account, channel);
            String id = Findings.newId();
            Findings.publish(Findings.hostile(id, "cis-console-signin-without-mfa", "high", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> opsgenie.requests().size() == 1);

            Receiver.Request create = opsgenie.requests().get(0);
            assertThat(create.path()).isEqualTo("/v2/alerts");
            assertThat(create.header("authorization")).isEqualTo("GenieKey og-key-" + account);
            JsonNode alert = MAPPER.readTree(create.body());
            String alias = alert.get("alias").asText();
            assertThat(alias).startsWith("tw-");
            assertThat(alert.get("priority").asText()).isEqualTo("P2");
            assertThat(alert.get("message").asText()).hasSizeLessThanOrEqualTo(130);
            assertThat(alert.get("responders").get(0).get("name").asText()).isEqualTo("SecOps");
            assertThat(alert.get("tags").toString()).contains("aws", "trailwatch", "severity:high");
            assertThat(alert.get("entity").asText()).isEqualTo("aws:" + account);

            Api.as("analyst").body("").post("/api/v1/findings/" + id + "/resolved").then().statusCode(200);
            await().atMost(Duration.ofSeconds(45)).until(() -> opsgenie.requests().size() == 2);
            Receiver.Request close = opsgenie.requests().get(1);
            assertThat(close.path()).isEqualTo("/v2/alerts/" + alias + "/close");
            assertThat(close.query()).isEqualTo("identifierType=alias");
            assertThat(close.header("authorization")).isEqualTo("GenieKey og-key-" + account);
        }
    }

    static void groupedRoute(String account, String channel) {
        Api.createRoute("""
                {"name": "r-%s", "channels": ["%s"], "match": {"accountIds": ["%s"]},
                 "groupBy": ["ruleId", "accountId"], "groupWait": "0s", "groupInterval": "1s", "repeatInterval": "0s"}"""
                .formatted(account, channel, account)).statusCode(201);
    }

    private static List<JsonNode> events(Receiver pd) {
        return pd.requests().stream().map(r -> {
            try {
                return MAPPER.readTree(r.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
