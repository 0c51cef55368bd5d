package io.trailwatch.alert.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Alertmanager's timers: group_wait batches a new group, group_interval spaces updates, repeat_interval re-sends. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class GroupingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void groupWaitBatchesANewGroupAndGroupIntervalSpacesItsUpdates() throws Exception {
        String account = Findings.uniqueAccount();
        Map<String, Long> arrival = new ConcurrentHashMap<>();
        try (Receiver receiver = new Receiver(r -> {
            arrival.put(r.header("webhook-id"), System.nanoTime());
            return Receiver.Reply.of(200);
        })) {
            String channel = "wh-" + account;
            Api.createChannel("""
                    {"name": "%s", "type": "webhook", "url": "%s"}""".formatted(channel, receiver.url("/hook")))
                    .statusCode(201);
            Api.createRoute("""
                    {"name": "r-%s", "channels": ["%s"], "match": {"accountIds": ["%s"]}, "groupBy": ["ruleId"],
                     "groupWait": "2s", "groupInterval": "3s", "repeatInterval": "0s"}"""
                    .formatted(account, channel, account)).statusCode(201);

            long published = System.nanoTime();
            Findings.publish(Findings.finding(Findings.newId(), "cis-root-account-usage", "critical", account),
                    Findings.finding(Findings.newId(), "cis-root-account-usage", "critical", account),
                    Findings.finding(Findings.newId(), "cis-iam-policy-changes", "medium", account));
            Thread.sleep(700);
            Findings.publish(Findings.finding(Findings.newId(), "cis-root-account-usage", "critical", account));

            await().atMost(Duration.ofSeconds(45)).until(() -> receiver.requests().size() == 2);
            List<JsonNode> first = bodies(receiver);
            JsonNode root = first.stream().filter(b -> b.get("groupLabels").get("ruleId").asText()
                    .equals("cis-root-account-usage")).findFirst().orElseThrow();
            JsonNode iam = first.stream().filter(b -> b.get("groupLabels").get("ruleId").asText()
                    .equals("cis-iam-policy-changes")).findFirst().orElseThrow();
            assertThat(root.get("counts").get("firing").asInt()).isEqualTo(3);
            assertThat(root.get("findings")).hasSize(3);
            assertThat(iam.get("counts").get("firing").asInt()).isEqualTo(1);
            long rootAt = arrival.get(root.get("id").asText());
            assertThat(Duration.ofNanos(rootAt - published)).isGreaterThanOrEqualTo(Duration.ofMillis(1800));

            Findings.publish(Findings.finding(Findings.newId(), "cis-root-account-usage", "critical", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> receiver.requests().size() == 3);
            JsonNode update = bodies(receiver).get(2);
            assertThat(update.get("groupKey").asText()).isEqualTo(root.get("groupKey").asText());
            assertThat(update.get("id").asText()).isEqualTo(root.get("groupKey").asText() + "-2");
            assertThat(update.get("counts").get("firing").asInt()).isEqualTo(4);
            assertThat(update.get("counts").get("new").asInt()).isEqualTo(1);
            assertThat(Duration.ofNanos(arrival.get(update.get("id").asText()) - rootAt))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(2800));
            Thread.sleep(1500);
            assertThat(receiver.requests()).hasSize(3);
        }
    }

    @Test
    void anUnchangedGroupWithFiringFindingsIsSentAgainAfterTheRepeatInterval() throws Exception {
        String account = Findings.uniqueAccount();
        Map<String, Long> arrival = new ConcurrentHashMap<>();
        try (Receiver receiver = new Receiver(r -> {
            arrival.put(r.header("webhook-id"), System.nanoTime());
            return Receiver.Reply.of(200);
        })) {
            String channel = "wh-" + account;
            Api.createChannel("""
                    {"name": "%s", "type": "webhook", "url": "%s"}""".formatted(channel, receiver.url("/hook")))
                    .statusCode(201);
            Api.createRoute("""
                    {"name": "r-%s", "channels": ["%s"], "match": {"accountIds": ["%s"]}, "groupBy": ["accountId"],
                     "groupWait": "0s", "groupInterval": "1s", "repeatInterval": "2s"}"""
                    .formatted(account, channel, account)).statusCode(201);
            Findings.publish(Findings.finding(Findings.newId(), "cis-root-account-usage", "critical", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> receiver.requests().size() == 2);
            List<JsonNode> sent = bodies(receiver);
            assertThat(sent.get(1).get("groupKey").asText()).isEqualTo(sent.get(0).get("groupKey").asText());
            assertThat(sent.get(1).get("counts").get("new").asInt()).isZero();
            assertThat(sent.get(1).get("counts").get("firing").asInt()).isEqualTo(1);
            assertThat(Duration.ofNanos(arrival.get(sent.get(1).get("id").asText())
                    - arrival.get(sent.get(0).get("id").asText()))).isGreaterThanOrEqualTo(Duration.ofMillis(1800));
        }
    }

    @Test
    void theFirstMatchingRouteTakesAFindingUnlessItContinues() {
        String account = Findings.uniqueAccount();
        try (Receiver first = Receiver.answering(200); Receiver second = Receiver.answering(200);
             Receiver third = Receiver.answering(200)) {
            Receiver[] receivers = {first, second, third};
            for (int i = 0; i < 3; i++) {
                Api.createChannel("""
                        {"name": "c%d-%s", "type": "webhook", "url": "%s"}"""
                        .formatted(i, account, receivers[i].url("/hook"))).statusCode(201);
            }
            Api.createRoute("""
                    {"name": "r0-%s", "channels": ["c0-%s"], "groupBy": [], "groupWait": "0s", "continue": true,
                     "match": {"accountIds": ["%s"], "ruleIds": ["cis-root-*"]}}"""
                    .formatted(account, account, account)).statusCode(201);
            Api.createRoute("""
                    {"name": "r1-%s", "channels": ["c1-%s"], "groupBy": [], "groupWait": "0s",
                     "match": {"accountIds": ["%s"], "minSeverity": "medium"}}""".formatted(account, account, account))
                    .statusCode(201);
            Api.createRoute("""
                    {"name": "r2-%s", "channels": ["c2-%s"], "groupBy": [], "groupWait": "0s",
                     "match": {"accountIds": ["%s"]}}""".formatted(account, account, account)).statusCode(201);
            String root = Findings.newId();
            String iam = Findings.newId();
            String low = Findings.newId();
            Findings.publish(Findings.finding(root, "cis-root-account-usage", "critical", account),
                    Findings.finding(iam, "cis-iam-policy-changes", "medium", account),
                    Findings.finding(low, "cis-vpc-changes", "low", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> first.requests().size() == 1
                    && second.requests().size() == 2 && third.requests().size() == 1);
            assertThat(first.requests().get(0).body()).contains(root);
            assertThat(second.requests()).extracting(Receiver.Request::body)
                    .anySatisfy(b -> assertThat(b).contains(root)).anySatisfy(b -> assertThat(b).contains(iam));
            assertThat(third.requests().get(0).body()).contains(low);
        }
    }

    private static List<JsonNode> bodies(Receiver receiver) {
        return receiver.requests().stream().map(r -> {
            try {
                return MAPPER.readTree(r.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
