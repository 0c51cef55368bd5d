package io.trailwatch.alert.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trailwatch.alert.testing.Api;
import io.trailwatch.alert.testing.Deliveries;
import io.trailwatch.alert.testing.Findings;
import io.trailwatch.alert.testing.GreenMailResource;
import io.trailwatch.alert.testing.Receiver;
import io.trailwatch.alert.testing.TestHostResolver;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A dead receiver does not hold up the others; redirects and re-resolved internal addresses are refused at send. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class IsolationAndSsrfTest {

    @Test
    void aHangingReceiverNeitherDelaysOtherChannelsNorGetsCalledOnceItsCircuitOpens() {
        String slowAccount = Findings.uniqueAccount();
        String fastAccount = Findings.uniqueAccount();
        try (Receiver slow = new Receiver(r -> {
            sleep(5000);
            return Receiver.Reply.of(200);
        }); Receiver fast = Receiver.answering(200)) {
            Api.createChannel("""
                    {"name": "slow-%s", "type": "webhook", "url": "%s"}""".formatted(slowAccount, slow.url("/hook")))
                    .statusCode(201);
            Api.createChannel("""
                    {"name": "fast-%s", "type": "webhook", "url": "%s"}""".formatted(fastAccount, fast.url("/hook")))
                    .statusCode(201);
            WebhookDeliveryTest.route(slowAccount, "slow-" + slowAccount);
            WebhookDeliveryTest.route(fastAccount, "fast-" + fastAccount);

            Findings.publish(IntStream.range(0, 12).mapToObj(i -> Findings.finding(Findings.newId(),
                    "cis-root-account-usage", "high", slowAccount)).toList());
            await().atMost(Duration.ofSeconds(30)).until(() -> slow.requests().size() >= 4);
            Findings.publish(IntStream.range(0, 10).mapToObj(i -> Findings.finding(Findings.newId(),
                    "cis-root-account-usage", "high", fastAccount)).toList());
            await().atMost(Duration.ofSeconds(30)).until(() -> Deliveries.of("fast-" + fastAccount, "delivered").size() == 10);
            // Had they queued behind the hanging requests, each would have waited out a 2 s request timeout.
            assertThat(Deliveries.of("fast-" + fastAccount)).allSatisfy(d -> assertThat(Duration.between(
                    Instant.parse(d.get("createdAt").asText()), Instant.parse(d.get("deliveredAt").asText())))
                    .isLessThan(Duration.ofSeconds(2)));

            await().atMost(Duration.ofSeconds(30)).until(() -> Deliveries.of("slow-" + slowAccount).stream()
                    .anyMatch(d -> d.get("lastError").asText("").contains("the circuit is open")));
            int calls = slow.requests().size();
            assertThat(calls).isLessThan(12 * 4);
            List<JsonNode> attempts = new ArrayList<>();
            Deliveries.of("slow-" + slowAccount).forEach(d -> Deliveries.detail(d.get("id").asLong())
                    .get("attemptLog").forEach(attempts::add));
            assertThat(attempts).anySatisfy(a -> {
                assertThat(a.get("error").asText("")).startsWith("no answer from").endsWith("within the request timeout");
                assertThat(a.get("durationMs").asInt()).isGreaterThanOrEqualTo(1500);
            });
        }
    }

    @Test
    void aRedirectIsNotFollowedEvenToAnAllowedAddress() {
        try (Receiver target = Receiver.answering(200);
             Receiver redirecting = new Receiver(r -> new Receiver.Reply(302, "",
                     Map.of("Location", target.url("/latest/meta-data/"))))) {
            Api.createChannel("""
                    {"name": "redirecting", "type": "webhook", "url": "%s"}""".formatted(redirecting.url("/hook")))
                    .statusCode(201);
            Api.admin().post("/api/v1/channels/redirecting/test").then().statusCode(200)
                    .body("delivered", equalTo(false))
                    .body("responseCode", equalTo(302))
                    .body("error", containsString("redirect to http://127.0.0.1:" + target.port()))
                    .body("error", containsString("redirects are not followed"));
            assertThat(redirecting.requests()).hasSize(1);
            assertThat(target.requests()).isEmpty();
        }
    }

    @Test
    void aNameThatResolvesToAnInternalAddressAtSendTimeIsRefused() {
        String account = Findings.uniqueAccount();
        try (Receiver receiver = Receiver.answering(200)) {
            String host = "rebind-" + account + ".trailwatch.test";
            TestHostResolver.register(host, "127.0.0.1");
            String channel = "rebind-" + account;
            Api.createChannel("""
                    {"name": "%s", "type": "webhook", "url": "http://%s:%d/hook"}"""
                    .formatted(channel, host, receiver.port())).statusCode(201);
            Api.admin().post("/api/v1/channels/" + channel + "/test").then().statusCode(200)
                    .body("delivered", equalTo(true));

            TestHostResolver.register(host, "10.0.0.1");
            WebhookDeliveryTest.route(account, channel);
            Findings.publish(Findings.finding(Findings.newId(), "cis-root-account-usage", "high", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> Deliveries.of(channel, "failed").size() == 1);
            JsonNode failed = Deliveries.of(channel, "failed").get(0);
            assertThat(failed.get("attempts").asInt()).isEqualTo(1);
            assertThat(failed.get("lastError").asText()).contains(host + " resolves to 10.0.0.1, a private address");
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    void theTestEndpointReportsTheReceiversAnswer() {
        try (Receiver receiver = new Receiver(r -> Receiver.Reply.json(401, "{\"error\":\"bad token\"}"))) {
            Api.createChannel("""
                    {"name": "tested", "type": "webhook", "url": "%s"}""".formatted(receiver.url("/hook")))
                    .statusCode(201);
            Api.admin().post("/api/v1/channels/tested/test").then().statusCode(200)
                    .body("delivered", equalTo(false))
                    .body("responseCode", equalTo(401))
                    .body("error", containsString("answered HTTP 401"));
            assertThat(receiver.requests().get(0).body()).contains("\"type\":\"test\"");
            assertThat(Deliveries.of("tested").get(0).get("kind").asText()).isEqualTo("test");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
