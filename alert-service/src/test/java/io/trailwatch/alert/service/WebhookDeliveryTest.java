package io.trailwatch.alert.service;

import static io.trailwatch.alert.testing.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.trailwatch.alert.testing.Api;
import io.trailwatch.alert.testing.Deliveries;
import io.trailwatch.alert.testing.Findings;
import io.trailwatch.alert.testing.GreenMailResource;
import io.trailwatch.alert.testing.Receiver;
import io.trailwatch.alert.testing.WebhookSignatures;
import io.trailwatch.infra.FreePorts;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import java.io.InputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void notifiesOnceSignedAndInTheDocumentedShapeEvenWhenTheFindingComesTwice() throws Exception {
        String account = Findings.uniqueAccount();
        try (Receiver receiver = Receiver.answering(204)) {
            String channel = "wh-" + account;
            Api.createChannel("""
                    {"name": "%s", "type": "webhook", "url": "%s", "secret": "%s",
                     "headers": {"X-Team": "soc"}, "secretHeaders": {"Authorization": "Bearer s3cr3t"}}"""
                    .formatted(channel, receiver.url("/hook"), SECRET)).statusCode(201);
            route(account, channel);
            String id = Findings.newId();
            ObjectNode f = finding(id, "cis-root-account-usage", "critical", account);
            Findings.publish(f);
            Findings.publish(f);

            await().atMost(Duration.ofSeconds(45)).until(() -> receiver.requests("/hook").size() == 1);
            Thread.sleep(1000);
            List<Receiver.Request> got = receiver.requests("/hook");
            assertThat(got).hasSize(1);
            Receiver.Request request = got.get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("content-type")).isEqualTo("application/json");
            assertThat(request.header("x-team")).isEqualTo("soc");
            assertThat(request.header("authorization")).isEqualTo("Bearer s3cr3t");
            assertThat(WebhookSignatures.valid(SECRET, request)).isTrue();

            JsonNode body = MAPPER.readTree(request.body());
            assertThat(schema().validate(request.body(), InputFormat.JSON)).isEmpty();
            assertThat(request.header("webhook-id")).isEqualTo(body.get("id").asText())
                    .isEqualTo(body.get("groupKey").asText() + "-1");
            assertThat(body.get("status").asText()).isEqualTo("firing");
            assertThat(body.get("severity").asText()).isEqualTo("critical");
            assertThat(body.get("route").asText()).isEqualTo("r-" + account);
            assertThat(body.get("groupLabels").size()).isZero();
            assertThat(body.get("counts").get("firing").asInt()).isEqualTo(1);
            assertThat(body.get("counts").get("new").asInt()).isEqualTo(1);
            JsonNode item = body.get("findings").get(0);
            assertThat(item.get("findingId").asText()).isEqualTo(id);
            assertThat(item.get("ruleId").asText()).isEqualTo("cis-root-account-usage");
            assertThat(item.get("eventID").asText()).isEqualTo(f.get("eventID").asText());
            assertThat(item.has("event")).isFalse();
            assertThat(item.get("url").asText()).isEqualTo("https://trailwatch.test/findings/" + id);
            assertThat(body.get("url").asText()).isEqualTo("https://trailwatch.test/findings/" + id);

            List<JsonNode> log = Deliveries.of(channel);
            assertThat(log).hasSize(1);
            assertThat(log.get(0).get("status").asText()).isEqualTo("delivered");
            assertThat(log.get(0).get("attempts").asInt()).isEqualTo(1);
            assertThat(log.get(0).get("responseCode").asInt()).isEqualTo(204);
            assertThat(log.get(0).get("findingIds").get(0).asText()).isEqualTo(id);
            assertThat(Deliveries.ofFinding(id)).extracting(d -> d.get("id").asLong())
                    .containsExactly(log.get(0).get("id").asLong());
            assertThat(Deliveries.ofFinding(Findings.newId())).isEmpty();
        }
    }

    @Test
    void aReceiverFailingThreeTimesGetsTheNotificationOnceAfterFourAttempts() throws Exception {
        String account = Findings.uniqueAccount();
        AtomicInteger calls = new AtomicInteger();
        try (Receiver receiver = new Receiver(r -> Receiver.Reply.of(calls.incrementAndGet() <= 3 ? 503 : 200))) {
            String channel = "wh-" + account;
            Api.createChannel("""
                    {"name": "%s", "type": "webhook", "url": "%s"}""".formatted(channel, receiver.url("/hook")))
                    .statusCode(201);
            route(account, channel);
            Findings.publish(finding(Findings.newId(), "cis-root-account-usage", "high", account));

            await().atMost(Duration.ofSeconds(45)).until(() -> Deliveries.of(channel, "delivered").size() == 1);
            Thread.sleep(500);
            List<Receiver.Request> got = receiver.requests("/hook");
            assertThat(got).hasSize(4);
            assertThat(got).extracting(r -> r.header("webhook-id")).containsOnly(got.get(0).header("webhook-id"));
            assertThat(got).extracting(Receiver.Request::body).containsOnly(got.get(0).body());

            JsonNode delivery = Deliveries.of(channel).get(0);
            assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
            assertThat(delivery.get("responseCode").asInt()).isEqualTo(200);
            assertThat(delivery.get("lastError").isNull()).isTrue();
            JsonNode attempts = Deliveries.detail(delivery.get("id").asLong()).get("attemptLog");
            assertThat(attempts).hasSize(4);
            assertThat(attempts).extracting(a -> a.get("outcome").asText())
                    .containsExactly("retrying", "retrying", "retrying", "delivered");
            assertThat(attempts.get(0).get("responseCode").asInt()).isEqualTo(503);
            assertThat(attempts.get(0).get("error").asText()).contains("answered HTTP 503");
        }
    }

    @Test
    void aReceiverDownLongerThanTheRetryBudgetEndsFailedVisibleAndCounted() {
        String account = Findings.uniqueAccount();
        String channel = "wh-" + account;
        Api.createChannel("""
                {"name": "%s", "type": "webhook", "url": "http://127.0.0.1:%d/hook"}"""
                .formatted(channel, FreePorts.pick())).statusCode(201);
        route(account, channel);
        Findings.publish(finding(Findings.newId(), "cis-root-account-usage", "high", account));

        await().atMost(Duration.ofSeconds(45)).until(() -> Deliveries.of(channel, "failed").size() == 1);
        JsonNode delivery = Deliveries.of(channel).get(0);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
        assertThat(delivery.get("lastError").asText()).contains("connection refused")
                .contains("gave up after 4 attempts");
        assertThat(delivery.get("responseCode").isNull()).isTrue();
        assertThat(Deliveries.detail(delivery.get("id").asLong()).get("attemptLog")).hasSize(4);
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("trailwatch_alert_deliveries_total\\{channel=\"" + channel
                + "\",outcome=\"failed\",type=\"webhook\"} 1\\.0");
    }

    @Test
    void aFailedDeliveryCanBeRetriedByAnAdministrator() {
        String account = Findings.uniqueAccount();
        try (Receiver receiver = Receiver.answering(503)) {
            String channel = "wh-" + account;
            Api.createChannel("""
                    {"name": "%s", "type": "webhook", "url": "%s"}""".formatted(channel, receiver.url("/hook")))
                    .statusCode(201);
            route(account, channel);
            Findings.publish(finding(Findings.newId(), "cis-root-account-usage", "high", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> Deliveries.of(channel, "failed").size() == 1);
            long id = Deliveries.of(channel).get(0).get("id").asLong();

            receiver.handler(r -> Receiver.Reply.of(200));
            Api.as("viewer").post("/api/v1/deliveries/" + id + "/retry").then().statusCode(403);
            Api.admin().post("/api/v1/deliveries/" + id + "/retry").then().statusCode(200);
            await().atMost(Duration.ofSeconds(45)).until(() -> Deliveries.of(channel, "delivered").size() == 1);
            Api.admin().post("/api/v1/deliveries/" + id + "/retry").then().statusCode(409);
        }
    }

    static void route(String account, String channel) {
        Api.createRoute("""
                {"name": "r-%s", "channels": ["%s"], "match": {"accountIds": ["%s"]}, "groupBy": [],
                 "groupWait": "0s", "groupInterval": "1s", "repeatInterval": "0s"}"""
                .formatted(account, channel, account)).statusCode(201);
    }

    private static Schema schema() throws Exception {
        try (InputStream in = WebhookDeliveryTest.class.getResourceAsStream("/schemas/webhook-notification.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }
}
