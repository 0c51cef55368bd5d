package io.trailwatch.rules.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trailwatch.infra.testing.KafkaTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class PatternsApiTest {

    static final String EVENTS = "[{\"eventID\":\"a\",\"eventName\":\"ConsoleLogin\",\"errorMessage\":\"Failed authentication\"},"
            + "{\"eventID\":\"b\",\"eventName\":\"ConsoleLogin\"},{\"eventName\":\"StopLogging\"}]";

    @Test
    void aPatternIsTestedOnEachEvent() {
        given().auth().preemptive().basic("analyst", "test-analyst").contentType("application/json")
                .body("{\"pattern\":\"{ ($.eventName = ConsoleLogin) && ($.errorMessage = \\\"Failed authentication\\\") }\","
                        + "\"events\":" + EVENTS + "}")
                .when().post("/api/v1/patterns/test")
                .then().statusCode(200)
                .body("results.index", contains(0, 1, 2))
                .body("results.eventID", contains("a", "b", null))
                .body("results.match", contains(true, false, false))
                .body("matched", equalTo(1));
    }

    @Test
    void withoutEventsOnlyTheSyntaxIsChecked() {
        given().auth().preemptive().basic("admin", "test-admin").contentType("application/json")
                .body("{\"pattern\":\"{ $.eventName = *Login }\"}")
                .when().post("/api/v1/patterns/test")
                .then().statusCode(200).body("results", hasSize(0)).body("matched", equalTo(0));
    }

    @Test
    void anInvalidPatternIs400WithWhereAndWhat() {
        given().auth().preemptive().basic("analyst", "test-analyst").contentType("application/json")
                .body("{\"pattern\":\"{ $.eventName = }\",\"events\":" + EVENTS + "}")
                .when().post("/api/v1/patterns/test")
                .then().statusCode(400)
                .body("status", equalTo(400))
                .body("error", equalTo("invalid_pattern"))
                .body("message", startsWith("invalid filter pattern at column 17: expected a value"))
                .body("position", equalTo(16))
                .body("line", equalTo(1))
                .body("column", equalTo(17))
                .body("found", equalTo("'}'"))
                .body("excerpt", equalTo("{ $.eventName = }\n                ^"));
    }

    @Test
    void malformedRequestsAre400() {
        given().auth().preemptive().basic("analyst", "test-analyst").contentType("application/json")
                .body("{\"events\":[]}")
                .when().post("/api/v1/patterns/test")
                .then().statusCode(400).body("message", startsWith("field 'pattern' is required"));
        given().auth().preemptive().basic("analyst", "test-analyst").contentType("application/json")
                .body("{\"pattern\":\"{ $.a = 1 }\",\"events\":[{},\"x\"]}")
                .when().post("/api/v1/patterns/test")
                .then().statusCode(400).body("message", equalTo("events[1] is not a JSON object (a CloudTrail record)"));
        given().auth().preemptive().basic("analyst", "test-analyst").contentType("application/json")
                .body("{\"pattern\":\"{ $.a = 1 }\",\"events\":{}}")
                .when().post("/api/v1/patterns/test")
                .then().statusCode(400).body("message", startsWith("field 'events' must be a list"));
        given().auth().preemptive().basic("analyst", "test-analyst").contentType("application/json")
                .body("{\"pattern\":\"{ $.a = 1 }\",\"events\":[" + "{},".repeat(1000) + "{}]}")
                .when().post("/api/v1/patterns/test")
                .then().statusCode(400).body("message", equalTo("field 'events' has 1001 events; at most 1000 are "
                        + "accepted per request"));
        given().auth().preemptive().basic("analyst", "test-analyst").contentType("application/json")
                .body("{\"pattern\": ")
                .when().post("/api/v1/patterns/test")
                .then().statusCode(400);
    }

    @Test
    void viewersCannotTestPatterns() {
        given().auth().preemptive().basic("viewer", "test-viewer").contentType("application/json")
                .body("{\"pattern\":\"{ $.a = 1 }\"}")
                .when().post("/api/v1/patterns/test")
                .then().statusCode(403);
        given().contentType("application/json").body("{\"pattern\":\"{ $.a = 1 }\"}")
                .when().post("/api/v1/patterns/test")
                .then().statusCode(401);
    }
}
