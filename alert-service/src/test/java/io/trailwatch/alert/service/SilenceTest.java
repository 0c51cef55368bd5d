package io.trailwatch.alert.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trailwatch.alert.testing.Api;
import io.trailwatch.alert.testing.Deliveries;
import io.trailwatch.alert.testing.Findings;
import io.trailwatch.alert.testing.GreenMailResource;
import io.trailwatch.alert.testing.Receiver;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class SilenceTest {

    @Test
    void silencedFindingsAreRecordedAsSilencedAndOthersStillNotify() throws Exception {
        String account = Findings.uniqueAccount();
        try (Receiver receiver = Receiver.answering(200)) {
            String channel = "wh-" + account;
            Api.createChannel("""
                    {"name": "%s", "type": "webhook", "url": "%s"}""".formatted(channel, receiver.url("/hook")))
                    .statusCode(201);
            WebhookDeliveryTest.route(account, channel);
            String silence = Api.as("analyst").body("""
                    {"matchers": [{"field": "accountId", "op": "=", "value": "%s"},
                                  {"field": "ruleId", "op": "=~", "value": "cis-root-.*"}],
                     "duration": "1h", "comment": "break-glass drill"}""".formatted(account))
                    .post("/api/v1/silences").then().statusCode(201)
                    .body("state", equalTo("active"))
                    .body("createdBy", equalTo("analyst"))
                    .extract().path("id");

            String silenced = Findings.newId();
            String other = Findings.newId();
            Findings.publish(Findings.finding(silenced, "cis-root-account-usage", "critical", account),
                    Findings.finding(other, "cis-iam-policy-changes", "medium", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> Deliveries.of(channel).size() == 2);
            Thread.sleep(500);
            assertThat(receiver.requests()).hasSize(1);
            assertThat(receiver.requests().get(0).body()).contains(other).doesNotContain(silenced);
            JsonNode record = Deliveries.of(channel, "silenced").get(0);
            assertThat(record.get("findingIds").get(0).asText()).isEqualTo(silenced);
            assertThat(record.get("silenceIds").get(0).asText()).isEqualTo(silence);
            assertThat(record.get("attempts").asInt()).isZero();

            Api.as("viewer").get("/api/v1/silences?state=active").then().statusCode(200)
                    .body("id", hasItem(silence));
            Api.as("analyst").delete("/api/v1/silences/" + silence).then().statusCode(200)
                    .body("state", equalTo("expired")).body("expiredBy", equalTo("analyst"));
            String after = Findings.newId();
            Findings.publish(Findings.finding(after, "cis-root-account-usage", "critical", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> receiver.requests().size() == 2);
            assertThat(receiver.requests().get(1).body()).contains(after);
            List<JsonNode> log = Deliveries.of(channel);
            assertThat(log).extracting(d -> d.get("status").asText())
                    .containsExactlyInAnyOrder("delivered", "delivered", "silenced");
        }
    }

    @Test
    void changesMadeThroughQueryServiceNameThePersonAndOnlyAnAdminMaySpeakForOthers() {
        String body = """
                {"matchers": [{"field": "accountId", "value": "000000000010"}], "duration": "1h", "comment": "x"}""";
        String id = Api.admin().header("X-Trailwatch-Acting-User", "alice").body(body).post("/api/v1/silences")
                .then().statusCode(201).body("createdBy", equalTo("alice (via admin)")).extract().path("id");
        Api.admin().header("X-Trailwatch-Acting-User", "carol\tx").delete("/api/v1/silences/" + id)
                .then().statusCode(200).body("expiredBy", equalTo("carolx (via admin)"));
        Api.as("analyst").header("X-Trailwatch-Acting-User", "alice").body(body).post("/api/v1/silences")
                .then().statusCode(201).body("createdBy", equalTo("analyst"));
    }

    @Test
    void analystsManageSilencesViewersOnlyReadThem() {
        String body = """
                {"matchers": [{"field": "accountId", "value": "000000000009"}], "duration": "2h", "comment": "x"}""";
        Api.as("viewer").body(body).post("/api/v1/silences").then().statusCode(403);
        Api.as("analyst").body(body).post("/api/v1/silences").then().statusCode(201)
                .body("matchers[0].op", equalTo("="));
        Api.as("analyst").body("""
                {"matchers": [], "duration": "2h", "comment": "x"}""").post("/api/v1/silences").then().statusCode(400)
                .body("message", containsString("'matchers' must be a non-empty list"));
        Api.as("analyst").body("""
                {"matchers": [{"field": "account", "value": "1"}], "duration": "2h", "comment": "x"}""")
                .post("/api/v1/silences").then().statusCode(400)
                .body("message", containsString("'matchers[0].field' names unknown finding field 'account'"));
        Api.as("analyst").body("""
                {"matchers": [{"field": "accountId", "value": "1"}], "duration": "two hours", "comment": "x"}""")
                .post("/api/v1/silences").then().statusCode(400)
                .body("message", containsString("'duration' must be a duration such as 0s, 30s, 5m or 4h"));
        Api.as("analyst").body("""
                {"matchers": [{"field": "accountId", "value": "1"}], "duration": "1h"}""")
                .post("/api/v1/silences").then().statusCode(400).body("message", containsString("'comment' is required"));
        Api.as("analyst").body("""
                {"matchers": [{"field": "accountId", "value": "1"}], "endsAt": "2020-01-01T00:00:00Z", "comment": "x"}""")
                .post("/api/v1/silences").then().statusCode(400).body("message", containsString("must be after"));
        Api.as("analyst").delete("/api/v1/silences/not-a-uuid").then().statusCode(404);
    }
}
