package io.trailwatch.query.rest;

import static io.restassured.RestAssured.given;
import static io.trailwatch.query.TestSupport.analyst;
import static io.trailwatch.query.TestSupport.fid;
import static io.trailwatch.query.TestSupport.finding;
import static io.trailwatch.query.TestSupport.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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
class FindingTriageTest {

    private static void store(String account, List<ObjectNode> findings) {
        findings.forEach(f -> TestSupport.send(Topics.FINDINGS, account, f.toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> viewer().queryParam("accountId", account)
                .queryParam("limit", 500).get("/api/v1/findings").then().body("items", hasSize(findings.size())));
    }

    private static ObjectNode stored(String account) {
        ObjectNode f = finding(fid(), "cis-root-account-usage", account, TestSupport.now().minusSeconds(600));
        store(account, List.of(f));
        return f;
    }

    @Test
    void storesEveryFieldOfTheFindingOnceAndShowsItOpen() {
        String account = TestSupport.uniqueAccount();
        ObjectNode f = finding(fid(), "cis-root-account-usage", account, TestSupport.now().minusSeconds(60));
        ((ObjectNode) f.get("geo")).put("city", "Tokyo").put("latitude", 35.68).put("longitude", 139.69);
        TestSupport.send(Topics.FINDINGS, account, f.toString());
        TestSupport.send(Topics.FINDINGS, account, f.toString());
        store(account, List.of(f));
        TestSupport.send(Topics.FINDINGS, account, f.toString());

        viewer().get("/api/v1/findings/" + f.get("findingId").asText()).then().statusCode(200)
                .body("findingId", equalTo(f.get("findingId").asText()))
                .body("ruleId", equalTo("cis-root-account-usage"))
                .body("title", equalTo("Title of cis-root-account-usage"))
                .body("severity", equalTo("high"))
                .body("category", equalTo("access"))
                .body("cis.'v1.4.0'", equalTo("4.3"))
                .body("accountId", equalTo(account))
                .body("region", equalTo("us-east-1"))
                .body("eventTime", equalTo(f.get("eventTime").asText()))
                .body("eventID", equalTo(f.get("eventID").asText()))
                .body("eventName", equalTo("ConsoleLogin"))
                .body("eventSource", equalTo("signin.amazonaws.com"))
                .body("principal.arn", equalTo("arn:aws:iam::" + account + ":user/alice"))
                .body("principal.userName", equalTo("alice"))
                .body("principal.type", equalTo("IAMUser"))
                .body("sourceIPAddress", equalTo("203.0.113.10"))
                .body("geo.country", equalTo("JP"))
                .body("geo.city", equalTo("Tokyo"))
                .body("userAgent", equalTo("Mozilla/5.0"))
                .body("summary", containsString(account))
                .body("detectedAt", equalTo(f.get("detectedAt").asText()))
                .body("event.userIdentity.userName", equalTo("alice"))
                .body("status", equalTo("open"))
                .body("assignee", nullValue())
                .body("version", equalTo(0))
                .body("comments", hasSize(0))
                .body("history", hasSize(0));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                viewer().queryParam("accountId", account).get("/api/v1/findings").then().body("items", hasSize(1)));
        viewer().get("/api/v1/findings/f-unknown").then().statusCode(404).body("message", containsString("f-unknown"));
    }

    @Test
    void filtersByEveryTriageAndFindingField() {
        String account = TestSupport.uniqueAccount();
        Instant t = TestSupport.now().minusSeconds(3600);
        ObjectNode a = finding(fid(), "cis-root-account-usage", account, t);
        ObjectNode b = finding(fid(), "cis-vpc-changes", account, t.plusSeconds(60)).put("severity", "medium")
                .put("category", "configuration-change").put("region", "eu-west-1");
        ObjectNode c = finding(fid(), "cis-vpc-changes", account, t.plusSeconds(120)).put("severity", "low")
                .put("category", "configuration-change");
        store(account, List.of(a, b, c));
        analyst().contentType(ContentType.JSON).body(Map.of("status", "resolved", "assignee", "carol"))
                .patch("/api/v1/findings/" + c.get("findingId").asText()).then().statusCode(200);

        assertThat(ids(account, Map.of())).containsExactly(id(c), id(b), id(a));
        assertThat(ids(account, Map.of("ruleId", "cis-vpc-changes"))).containsExactly(id(c), id(b));
        assertThat(ids(account, Map.of("ruleId", "cis-vpc-changes,cis-root-account-usage"))).hasSize(3);
        assertThat(ids(account, Map.of("severity", "high,medium"))).containsExactly(id(b), id(a));
        assertThat(ids(account, Map.of("status", "open"))).containsExactly(id(b), id(a));
        assertThat(ids(account, Map.of("status", "resolved"))).containsExactly(id(c));
        assertThat(ids(account, Map.of("region", "eu-west-1"))).containsExactly(id(b));
        assertThat(ids(account, Map.of("category", "access"))).containsExactly(id(a));
        assertThat(ids(account, Map.of("assignee", "carol"))).containsExactly(id(c));
        assertThat(ids(account, Map.of("assigned", "false"))).containsExactly(id(b), id(a));
        assertThat(ids(account, Map.of("eventID", b.get("eventID").asText()))).containsExactly(id(b));
        assertThat(ids(account, Map.of("from", t.plusSeconds(60).toString(), "to", t.plusSeconds(120).toString())))
                .containsExactly(id(b));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = viewer().queryParam("accountId", account).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/findings").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.findingId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactly(id(c), id(b), id(a));

        viewer().queryParam("severity", "urgent").get("/api/v1/findings").then().statusCode(400)
                .body("message", containsString("'severity'"));
        viewer().queryParam("status", "closed").get("/api/v1/findings").then().statusCode(400)
                .body("message", containsString("'status'"));
        viewer().queryParam("to", "tomorrow").get("/api/v1/findings").then().statusCode(400)
                .body("message", containsString("'to'"));
    }

    @Test
    void recordsEveryTriageChangeWithWhoWhenFromAndTo() {
        ObjectNode f = stored(TestSupport.uniqueAccount());
        String path = "/api/v1/findings/" + id(f);

        analyst().contentType(ContentType.JSON).body(Map.of("status", "acknowledged", "assignee", "alice",
                        "comment", "looking into it", "version", 0))
                .patch(path).then().statusCode(200)
                .body("status", equalTo("acknowledged"))
                .body("assignee", equalTo("alice"))
                .body("version", equalTo(1))
                .body("updatedBy", equalTo("analyst"))
                .body("updatedAt", notNullValue())
                .body("commentCount", equalTo(1))
                .body("comments[0].text", equalTo("looking into it"))
                .body("comments[0].author", equalTo("analyst"));
        TestSupport.admin().contentType(ContentType.JSON).body("{\"status\":\"false_positive\",\"assignee\":null}")
                .patch(path).then().statusCode(200)
                .body("status", equalTo("false_positive"))
                .body("assignee", nullValue())
                .body("version", equalTo(2));
        analyst().contentType(ContentType.JSON).body(Map.of("status", "false_positive")).patch(path).then()
                .statusCode(200).body("version", equalTo(2));

        JsonPath detail = viewer().get(path).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("history.field")).containsExactly("status", "assignee", "status", "assignee");
        assertThat(detail.getList("history.from")).containsExactly("open", null, "acknowledged", "alice");
        assertThat(detail.getList("history.to")).containsExactly("acknowledged", "alice", "false_positive", null);
        assertThat(detail.getList("history.actor")).containsExactly("analyst", "analyst", "admin", "admin");
        assertThat(detail.getList("history.changedAt")).doesNotContainNull();
    }

    @Test
    void refusesAStaleVersionAndBadValuesNamingTheField() {
        ObjectNode f = stored(TestSupport.uniqueAccount());
        String path = "/api/v1/findings/" + id(f);
        analyst().contentType(ContentType.JSON).body(Map.of("status", "resolved")).patch(path).then().statusCode(200);
        analyst().contentType(ContentType.JSON).body(Map.of("status", "open", "version", 0)).patch(path).then()
                .statusCode(409).body("message", containsString("version"));
        analyst().contentType(ContentType.JSON).body(Map.of("status", "closed")).patch(path).then()
                .statusCode(400).body("message", containsString("'status'"));
        analyst().contentType(ContentType.JSON).body(Map.of("severity", "low")).patch(path).then()
                .statusCode(400).body("message", containsString("severity"));
        analyst().contentType(ContentType.JSON).body("{}").patch(path).then().statusCode(400)
                .body("message", containsString("nothing to change"));
        analyst().contentType(ContentType.JSON).body(Map.of("status", "open")).patch("/api/v1/findings/f-nope")
                .then().statusCode(404);
        viewer().get(path).then().body("status", equalTo("resolved")).body("history", hasSize(1));
    }

    @Test
    void addsCommentsAndTriagesInBulk() {
        String account = TestSupport.uniqueAccount();
        Instant t = TestSupport.now().minusSeconds(900);
        ObjectNode a = finding(fid(), "cis-vpc-changes", account, t);
        ObjectNode b = finding(fid(), "cis-vpc-changes", account, t.plusSeconds(1));
        store(account, List.of(a, b));

        analyst().contentType(ContentType.JSON).body(Map.of("text", "<script>alert(1)</script> seen before"))
                .post("/api/v1/findings/" + id(a) + "/comments").then().statusCode(201)
                .body("id", notNullValue())
                .body("author", equalTo("analyst"))
                .body("text", equalTo("<script>alert(1)</script> seen before"));
        analyst().contentType(ContentType.JSON).body(Map.of("text", "  ")).post("/api/v1/findings/" + id(a)
                + "/comments").then().statusCode(400).body("message", containsString("'text'"));
        analyst().contentType(ContentType.JSON).body(Map.of("text", "x")).post("/api/v1/findings/f-none/comments")
                .then().statusCode(404);

        analyst().contentType(ContentType.JSON)
                .body(Map.of("findingIds", List.of(id(a), id(b), "f-missing"), "status", "acknowledged",
                        "comment", "bulk"))
                .post("/api/v1/findings/triage").then().statusCode(200)
                .body("updated", hasSize(2))
                .body("notFound[0]", equalTo("f-missing"));
        viewer().get("/api/v1/findings/" + id(a)).then()
                .body("status", equalTo("acknowledged"))
                .body("commentCount", equalTo(2))
                .body("comments.text", org.hamcrest.Matchers.contains("<script>alert(1)</script> seen before",
                        "bulk"));
        analyst().contentType(ContentType.JSON).body(Map.of("findingIds", List.of(), "status", "resolved"))
                .post("/api/v1/findings/triage").then().statusCode(400)
                .body("message", containsString("'findingIds'"));
    }

    @Test
    void viewersReadButDoNotTriage() {
        ObjectNode f = stored(TestSupport.uniqueAccount());
        String path = "/api/v1/findings/" + id(f);
        viewer().contentType(ContentType.JSON).body(Map.of("status", "resolved")).patch(path).then().statusCode(403);
        viewer().contentType(ContentType.JSON).body(Map.of("text", "hi")).post(path + "/comments").then()
                .statusCode(403);
        viewer().contentType(ContentType.JSON).body(Map.of("findingIds", List.of(id(f)), "status", "resolved"))
                .post("/api/v1/findings/triage").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("status", "resolved")).patch(path).then()
                .statusCode(401);
        viewer().get(path).then().statusCode(200).body("status", equalTo("open"));
    }

    private static List<String> ids(String account, Map<String, String> params) {
        var request = viewer().queryParam("accountId", account).queryParam("limit", 500);
        params.forEach(request::queryParam);
        return request.get("/api/v1/findings").then().statusCode(200).extract().jsonPath().getList("items.findingId");
    }

    private static String id(ObjectNode finding) {
        return finding.get("findingId").asText();
    }
}
