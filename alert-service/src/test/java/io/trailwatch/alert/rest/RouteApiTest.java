package io.trailwatch.alert.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trailwatch.alert.testing.Api;
import io.trailwatch.alert.testing.GreenMailResource;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class RouteApiTest {

    @BeforeEach
    void channel() {
        Api.admin().body("""
                {"type": "webhook", "url": "http://127.0.0.1:9/hook"}""").put("/api/v1/channels/routes-hook").then()
                .statusCode(lessThan(300));
    }

    @Test
    void aRouteComesBackWithItsDefaultsAndDurationsInApiForm() {
        Api.createRoute("""
                {"name": "routes-defaults", "channels": ["routes-hook"], "match": {"accountIds": ["000000000002"]}}""")
                .statusCode(201)
                .body("match.minSeverity", equalTo("info"))
                .body("groupBy.size()", equalTo(0))
                .body("groupWait", equalTo("30s"))
                .body("groupInterval", equalTo("5m"))
                .body("repeatInterval", equalTo("4h"))
                .body("continue", equalTo(false))
                .body("createdBy", equalTo("admin"));
        Api.admin().body("""
                {"channels": ["routes-hook"], "order": 5, "groupWait": "90s", "groupInterval": "1h30m",
                 "repeatInterval": "0s", "groupBy": ["ruleId", "accountId"], "continue": true,
                 "match": {"minSeverity": "high", "ruleIds": ["cis-*"], "excludeRegions": ["eu-west-1"],
                           "categories": ["access"]}}""")
                .put("/api/v1/routes/routes-defaults").then().statusCode(200)
                .body("order", equalTo(5))
                .body("groupWait", equalTo("1m30s"))
                .body("groupInterval", equalTo("1h30m"))
                .body("repeatInterval", equalTo("0s"))
                .body("groupBy[1]", equalTo("accountId"))
                .body("match.excludeRegions[0]", equalTo("eu-west-1"))
                .body("continue", equalTo(true));
        Api.as("viewer").get("/api/v1/routes/routes-defaults").then().statusCode(200).body("order", equalTo(5));
        // Scoped to a test account: a route without a match would take every other test's findings.
        Api.admin().body("""
                {"channels": ["routes-hook"], "match": {"accountIds": ["000000000004"]}}""")
                .put("/api/v1/routes/routes-put-created").then().statusCode(201);
        Api.admin().delete("/api/v1/routes/routes-put-created").then().statusCode(204);
    }

    @Test
    void mistakesGetMessagesThatNameTheField() {
        bad("""
                {"name": "r-bad", "channels": ["routes-hook"], "groupWait": "5 minutes"}""",
                "'groupWait' must be a duration such as 0s, 30s, 5m or 4h, got '5 minutes'");
        bad("""
                {"name": "r-bad", "channels": ["nope"]}""", "'channels' names 'nope', which is not a channel");
        bad("""
                {"name": "r-bad", "channels": []}""", "'channels' must name at least one channel");
        bad("""
                {"name": "r-bad", "channels": ["routes-hook"], "groupBy": ["user"]}""",
                "'groupBy' names unknown finding field 'user'; expected one of findingId, ruleId");
        bad("""
                {"name": "r-bad", "channels": ["routes-hook"], "match": {"severity": "high"}}""",
                "unknown field 'severity' in the match; known fields are minSeverity");
        bad("""
                {"name": "r-bad", "channels": ["routes-hook"], "match": {"minSeverity": "urgent"}}""",
                "'match.minSeverity': unknown severity 'urgent': expected one of info, low, medium, high, critical");
        bad("""
                {"name": "r-bad", "channels": ["routes-hook"], "match": {"categories": ["iam"]}}""",
                "unknown category 'iam'");
        bad("""
                {"name": "r-bad", "channels": ["routes-hook"], "wait": "1s"}""", "unknown field 'wait' in the route");
        bad("""
                {"name": "r-bad", "channels": "routes-hook"}""", "'channels' must be a list of strings");
    }

    @Test
    void onlyAdminsManageRoutes() {
        Api.as("analyst").body("""
                {"name": "r-analyst", "channels": ["routes-hook"]}""").post("/api/v1/routes").then().statusCode(403);
        Api.as("viewer").delete("/api/v1/routes/routes-defaults").then().statusCode(403);
        Api.createRoute("""
                {"name": "routes-dup", "channels": ["routes-hook"], "match": {"accountIds": ["000000000003"]}}""")
                .statusCode(201);
        Api.createRoute("""
                {"name": "routes-dup", "channels": ["routes-hook"]}""").statusCode(409);
        Api.admin().get("/api/v1/routes/routes-missing").then().statusCode(404)
                .body("message", containsString("no route named 'routes-missing'"));
    }

    private static void bad(String body, String message) {
        Api.createRoute(body).statusCode(400).body("message", containsString(message));
    }
}
