package io.trailwatch.query.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import io.trailwatch.infra.testing.SharedInfra;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class IngestAndQueryTest {

    @Test
    void storesEventsOnceAndPagesThroughThemNewestFirst() throws Exception {
        String account = uniqueAccount();
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        send(Topics.CLOUDTRAIL_EVENTS, account, event(ids.get(0), account, "ConsoleLogin", "2026-11-27T10:00:00Z"));
        send(Topics.CLOUDTRAIL_EVENTS, account, event(ids.get(1), account, "GetObject", "2026-11-27T10:01:00Z"));
        send(Topics.CLOUDTRAIL_EVENTS, account, event(ids.get(2), account, "ConsoleLogin", "2026-11-27T10:02:00Z"));
        send(Topics.CLOUDTRAIL_EVENTS, account, event(ids.get(2), account, "ConsoleLogin", "2026-11-27T10:02:00Z"));
        send(Topics.CLOUDTRAIL_EVENTS, account, "{not json");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                viewer().queryParam("accountId", account).get("/api/v1/events").then().body("items", hasSize(3)));

        JsonPath first = viewer().queryParam("accountId", account).queryParam("limit", 2)
                .get("/api/v1/events").then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(first.getList("items.eventID")).containsExactly(ids.get(2), ids.get(1));
        viewer().queryParam("accountId", account).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/events").then().statusCode(200)
                .body("items.eventID", org.hamcrest.Matchers.contains(ids.get(0)))
                .body("nextCursor", nullValue());

        viewer().queryParam("accountId", account).queryParam("eventName", "ConsoleLogin")
                .queryParam("from", "2026-11-27T10:01:30Z").queryParam("to", "2026-11-27T11:00:00Z")
                .get("/api/v1/events").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].eventID", equalTo(ids.get(2)))
                .body("items[0].principalName", equalTo("alice"))
                .body("items[0].sourceIPAddress", equalTo("203.0.113.10"))
                .body("items[0].eventTime", equalTo("2026-11-27T10:02:00Z"));
    }

    @Test
    void storesFindingsOnceAndFiltersByRuleAndAccount() throws Exception {
        String account = uniqueAccount();
        String eventId = UUID.randomUUID().toString();
        String finding = finding("f-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                "cis-root-account-usage", account, eventId);
        send(Topics.FINDINGS, account, finding);
        send(Topics.FINDINGS, account, finding);
        send(Topics.FINDINGS, account, finding("f-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                "cis-vpc-changes", account, UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                viewer().queryParam("accountId", account).get("/api/v1/findings").then().body("items", hasSize(2)));

        viewer().queryParam("accountId", account).queryParam("ruleId", "cis-root-account-usage")
                .get("/api/v1/findings").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].eventID", equalTo(eventId))
                .body("items[0].severity", equalTo("critical"))
                .body("items[0].event.eventName", equalTo("ConsoleLogin"))
                .body("nextCursor", nullValue());
    }

    @Test
    void refusesBadParametersNamingThem() {
        viewer().queryParam("from", "yesterday").get("/api/v1/findings").then().statusCode(400)
                .body("message", containsString("'from'"));
        viewer().queryParam("cursor", "bogus").get("/api/v1/events").then().statusCode(400)
                .body("message", containsString("cursor"));
        viewer().queryParam("limit", 0).get("/api/v1/events").then().statusCode(400)
                .body("message", containsString("'limit'"));
    }

    @Test
    void needsAUserForTheApiButNotForHealth() {
        given().get("/api/v1/findings").then().statusCode(401);
        given().get("/api/v1/events").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"))
                .body("checks.find { it.name.contains('Reactive Messaging') }.status", equalTo("UP"));
    }

    private static io.restassured.specification.RequestSpecification viewer() {
        return given().auth().preemptive().basic("viewer", "test-viewer");
    }

    private static String uniqueAccount() {
        return String.valueOf(100_000_000_000L + (long) (Math.random() * 899_999_999_999L));
    }

    private static void send(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", SharedInfra.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static String event(String id, String account, String name, String time) {
        return "{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::" + account
                + ":user/alice\",\"accountId\":\"" + account + "\",\"userName\":\"alice\"},\"eventTime\":\"" + time
                + "\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"" + name
                + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.10\",\"userAgent\":\"Mozilla\","
                + "\"readOnly\":false,\"eventID\":\"" + id + "\",\"recipientAccountId\":\"" + account + "\"}";
    }

    private static String finding(String findingId, String ruleId, String account, String eventId) {
        return "{\"findingId\":\"" + findingId + "\",\"ruleId\":\"" + ruleId + "\",\"title\":\"Root account usage\","
                + "\"severity\":\"critical\",\"category\":\"access\",\"cis\":{\"v1.4.0\":\"4.3\"},\"accountId\":\""
                + account + "\",\"region\":\"us-east-1\",\"eventTime\":\"2026-11-27T10:04:31Z\",\"eventID\":\"" + eventId
                + "\",\"eventName\":\"ConsoleLogin\",\"summary\":\"root signed in\","
                + "\"detectedAt\":\"2026-11-27T10:04:35Z\",\"event\":" + event(eventId, account, "ConsoleLogin",
                "2026-11-27T10:04:31Z") + "}";
    }
}
