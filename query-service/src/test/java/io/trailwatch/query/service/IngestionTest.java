package io.trailwatch.query.service;

import static io.trailwatch.query.TestSupport.event;
import static io.trailwatch.query.TestSupport.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trailwatch.contracts.Rejection;
import io.trailwatch.contracts.RejectionReason;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import io.trailwatch.query.FakeBackends;
import io.trailwatch.query.TestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeBackends.class, scope = TestResourceScope.GLOBAL)
class IngestionTest {

    @Test
    void storesEachEventOnceAndSkipsWhatCannotBeStored() {
        String account = TestSupport.uniqueAccount();
        Instant t = TestSupport.now().minusSeconds(300);
        String a = TestSupport.id();
        String b = TestSupport.id();
        String nul = TestSupport.id();
        ObjectNode first = event(a, account, "ConsoleLogin", t);
        TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account, first.toString());
        TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account, first.toString());
        TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account, "{not json");
        TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account, "{\"eventTime\":\"" + t + "\"}");
        TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account, "{\"eventID\":\"x\",\"eventTime\":\"noon\"}");
        TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account,
                event(TestSupport.id(), account, "Old", TestSupport.now().minus(Duration.ofDays(45))).toString());
        TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account,
                event(TestSupport.id(), account, "Future", TestSupport.now().plus(Duration.ofDays(3))).toString());
        ObjectNode hostile = event(nul, account, "PutObject", t.plusSeconds(1));
        hostile.put("userAgent", "agent\u0000with nul");
        hostile.putObject("requestParameters").put("key\u0000", "value\u0000");
        TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account, hostile.toString());
        TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account, event(b, account, "GetObject", t.plusSeconds(2))
                .put("awsRegion", "ap-south-1").toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> viewer().queryParam("accountId", account)
                .get("/api/v1/events").then().body("items", hasSize(3)));
        TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account, first.toString());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                viewer().queryParam("accountId", account).get("/api/v1/events").then()
                        .body("items.eventID", equalTo(List.of(b, nul, a))));

        viewer().get("/api/v1/events/" + nul).then().statusCode(200)
                .body("userAgent", equalTo("agent\uFFFDwith nul"))
                .body("record.requestParameters.'key\uFFFD'", equalTo("value\uFFFD"));
    }

    @Test
    void listsTheAccountsAndRegionsSeenWithTheirFirstAndLastEvent() {
        String account = TestSupport.uniqueAccount();
        Instant t = TestSupport.now().minusSeconds(7200);
        TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account, event(TestSupport.id(), account, "A", t).toString());
        TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account,
                event(TestSupport.id(), account, "B", t.plusSeconds(60)).toString());
        TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account,
                event(TestSupport.id(), account, "C", t.minusSeconds(60)).put("awsRegion", "eu-west-1").toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> viewer().queryParam("accountId", account)
                .get("/api/v1/events").then().body("items", hasSize(3)));

        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = viewer().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/accounts").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        List<Object> ids = all.stream().map(m -> m.get("accountId")).toList();
        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo((x, y) -> ((String) x).compareTo((String) y));
        Map<String, Object> ours = all.stream().filter(m -> m.get("accountId").equals(account)).findFirst()
                .orElseThrow();
        assertThat(ours.get("firstEventTime")).isEqualTo(t.minusSeconds(60).toString());
        assertThat(ours.get("lastEventTime")).isEqualTo(t.plusSeconds(60).toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> regions = (List<Map<String, Object>>) ours.get("regions");
        assertThat(regions).extracting(r -> r.get("region")).containsExactly("eu-west-1", "us-east-1");
        assertThat(regions.get(1).get("firstEventTime")).isEqualTo(t.toString());
    }

    @Test
    void storesRejectedInputsOnceAndFiltersThem() throws Exception {
        String source = "http-upload:test-" + TestSupport.id();
        Instant t = TestSupport.now().minusSeconds(60);
        String notJson = TestSupport.JSON.writeValueAsString(new Rejection(source + "/a.json",
                RejectionReason.NOT_JSON, "not JSON at line 1", null, null, "{oops", "collector-service", t));
        String missing = TestSupport.JSON.writeValueAsString(new Rejection(source + "/b.json",
                RejectionReason.MISSING_FIELD, "record 3 has no eventID", 3, null, "{}", "collector-service",
                t.plusSeconds(1)));
        TestSupport.send(Topics.REJECTED, source, notJson);
        TestSupport.send(Topics.REJECTED, source, notJson);
        TestSupport.send(Topics.REJECTED, source, "{\"source\":\"x\",\"reason\":\"no-such-reason\"}");
        TestSupport.send(Topics.REJECTED, source, missing);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> viewer().queryParam("source", source + "*")
                .get("/api/v1/rejections").then().statusCode(200).body("items", hasSize(2)));
        viewer().queryParam("source", source + "*").get("/api/v1/rejections").then()
                .body("items[0].reason", equalTo("missing-field"))
                .body("items[0].recordIndex", equalTo(3))
                .body("items[0].rejectedBy", equalTo("collector-service"))
                .body("items[1].message", equalTo("not JSON at line 1"))
                .body("items[1].sample", equalTo("{oops"));
        viewer().queryParam("source", source + "*").queryParam("reason", "not-json").get("/api/v1/rejections")
                .then().body("items", hasSize(1));
        viewer().queryParam("source", source + "*").queryParam("limit", 1).get("/api/v1/rejections")
                .then().body("items", hasSize(1)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
        viewer().queryParam("reason", "sloppy").get("/api/v1/rejections").then().statusCode(400)
                .body("message", containsString("'reason'"));
    }
}
