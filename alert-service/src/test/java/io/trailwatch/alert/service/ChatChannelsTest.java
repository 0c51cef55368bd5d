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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slack and Teams get their own formats, with finding values never interpreted as markup. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class ChatChannelsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void slackGetsBlockKitWithFindingValuesOnlyInPlainTextAndAnEscapedFallback() throws Exception {
        String account = Findings.uniqueAccount();
        try (Receiver slack = new Receiver(r -> new Receiver.Reply(200, "ok", Map.of()))) {
            String channel = "slack-" + account;
            Api.createChannel("""
                    {"name": "%s", "type": "slack", "webhookUrl": "%s"}"""
                    .formatted(channel, slack.url("/services/T000/B000/XXXX"))).statusCode(201);
            WebhookDeliveryTest.route(account, channel);
            String id = Findings.newId();
            Findings.publish(Findings.hostile(id, "cis-console-signin-without-mfa", "high", account));

            await().atMost(Duration.ofSeconds(45)).until(() -> slack.requests().size() == 1);
            Receiver.Request request = slack.requests().get(0);
            assertThat(request.path()).isEqualTo("/services/T000/B000/XXXX");
            assertThat(request.header("content-type")).isEqualTo("application/json");
            JsonNode message = MAPPER.readTree(request.body());

            String fallback = message.get("text").asText();
            assertThat(fallback).doesNotContain("<!channel>").doesNotContain("<https://evil");

            List<JsonNode> texts = textObjects(message.get("blocks"));
            assertThat(texts).isNotEmpty();
            assertThat(texts).filteredOn(t -> t.get("type").asText().equals("mrkdwn"))
                    .allSatisfy(t -> assertThat(t.get("text").asText()).doesNotContain("evil.example")
                            .doesNotContain("!channel"));
            assertThat(texts).filteredOn(t -> t.get("type").asText().equals("plain_text"))
                    .anySatisfy(t -> assertThat(t.get("text").asText()).contains("<!channel>"));
            assertThat(message.get("blocks").get(0).get("type").asText()).isEqualTo("header");
            assertThat(message.toString()).contains("https://trailwatch.test/findings/" + id);
        }
    }

    @Test
    void teamsGetsAnAdaptiveCardWhoseFindingValuesAreTextRuns() throws Exception {
        String account = Findings.uniqueAccount();
        try (Receiver teams = Receiver.answering(202)) {
            String channel = "teams-" + account;
            Api.createChannel("""
                    {"name": "%s", "type": "teams", "webhookUrl": "%s"}"""
                    .formatted(channel, teams.url("/workflows/abc/triggers/manual/paths/invoke?sig=s3cr3t")))
                    .statusCode(201);
            WebhookDeliveryTest.route(account, channel);
            Findings.publish(Findings.hostile(Findings.newId(), "cis-console-signin-without-mfa", "high", account));

            await().atMost(Duration.ofSeconds(45)).until(() -> teams.requests().size() == 1);
            Receiver.Request request = teams.requests().get(0);
            assertThat(request.query()).isEqualTo("sig=s3cr3t");
            JsonNode message = MAPPER.readTree(request.body());
            assertThat(message.get("type").asText()).isEqualTo("message");
            JsonNode attachment = message.get("attachments").get(0);
            assertThat(attachment.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
            JsonNode card = attachment.get("content");
            assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
            assertThat(card.get("body")).allSatisfy(b -> assertThat(b.get("type").asText()).isEqualTo("RichTextBlock"));
            List<String> runs = new ArrayList<>();
            card.get("body").forEach(b -> b.get("inlines").forEach(i -> {
                assertThat(i.get("type").asText()).isEqualTo("TextRun");
                runs.add(i.get("text").asText());
            }));
            assertThat(runs).anySatisfy(t -> assertThat(t).contains("<script>alert(1)</script>"));
            assertThat(runs).noneSatisfy(t -> assertThat(t).contains("{{DATE("));
            assertThat(card.get("actions").get(0).get("type").asText()).isEqualTo("Action.OpenUrl");
        }
    }

    private static List<JsonNode> textObjects(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        if (node.isObject()) {
            if (node.has("type") && node.has("text") && node.get("text").isTextual()) {
                found.add(node);
            }
            node.elements().forEachRemaining(child -> found.addAll(textObjects(child)));
        } else if (node.isArray()) {
            node.forEach(child -> found.addAll(textObjects(child)));
        }
        return found;
    }
}
