package io.trailwatch.query.rest;

import static io.trailwatch.query.TestSupport.admin;
import static io.trailwatch.query.TestSupport.analyst;
import static io.trailwatch.query.TestSupport.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import io.trailwatch.query.FakeBackends;
import io.trailwatch.query.FakeBackends.Received;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeBackends.class, scope = TestResourceScope.GLOBAL)
class ProxyTest {

    private static Received last() {
        return FakeBackends.RECEIVED.get(FakeBackends.RECEIVED.size() - 1);
    }

    @Test
    void forwardsReadsWithTheServiceCredentialsAndTheQuery() {
        viewer().queryParam("status", "failed").queryParam("channel", "ops chat")
                .get("/api/v1/alerts/deliveries").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("path", equalTo("/api/v1/deliveries?status=failed&channel=ops%20chat"));
        Received received = last();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("admin:test-admin".getBytes(StandardCharsets.UTF_8)));
        assertThat(received.actingUser()).isEqualTo("viewer");

        viewer().get("/api/v1/alerts/channels/missing").then().statusCode(404)
                .body("message", equalTo("no channel named missing"));
        viewer().get("/api/v1/alerts/secrets").then().statusCode(404)
                .body("message", containsString("channels, routes, silences or deliveries"));
        int before = FakeBackends.RECEIVED.size();
        int traversal = viewer().urlEncodingEnabled(false).get("/api/v1/alerts/channels/%2e%2e/%2e%2e/admin")
                .statusCode();
        assertThat(traversal).isIn(400, 404);
        assertThat(FakeBackends.RECEIVED).hasSize(before);
    }

    @Test
    void forwardsChangesWhenTheRoleAllowsThem() {
        analyst().contentType(ContentType.JSON).body("{\"matchers\":[{\"name\":\"ruleId\",\"value\":\"x\"}]}")
                .post("/api/v1/alerts/silences").then().statusCode(201)
                .header("Location", "/api/v1/alerts/silences/s-1")
                .body("matchers[0].value", equalTo("x"));
        Received received = last();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.pathAndQuery()).isEqualTo("/api/v1/silences");
        assertThat(received.contentType()).startsWith("application/json");
        assertThat(received.actingUser()).isEqualTo("analyst");

        int before = FakeBackends.RECEIVED.size();
        viewer().contentType(ContentType.JSON).body("{}").post("/api/v1/alerts/silences").then().statusCode(403);
        analyst().contentType(ContentType.JSON).body("{}").post("/api/v1/alerts/channels").then().statusCode(403)
                .body("message", containsString("admin"));
        analyst().delete("/api/v1/alerts/routes/r1").then().statusCode(403);
        assertThat(FakeBackends.RECEIVED).hasSize(before);

        admin().contentType(ContentType.JSON).body("{\"name\":\"ops\"}").put("/api/v1/alerts/channels/ops")
                .then().statusCode(200).body("method", equalTo("PUT"));
        assertThat(last().body()).isEqualTo("{\"name\":\"ops\"}");
        admin().delete("/api/v1/alerts/routes/r1").then().statusCode(200).body("path", equalTo("/api/v1/routes/r1"));
    }

    @Test
    void aBackendThatDoesNotAnswerIsA502NamingIt() {
        viewer().get("/api/v1/rules").then().statusCode(502)
                .body("message", containsString("rules-service"));
        analyst().contentType(ContentType.JSON).body("{\"pattern\":\"{ $.a = 1 }\",\"events\":[]}")
                .post("/api/v1/patterns/test").then().statusCode(502)
                .body("message", containsString("rules-service"));
        viewer().contentType(ContentType.JSON).body("{}").post("/api/v1/patterns/test").then().statusCode(403);
        analyst().contentType(ContentType.JSON).body("{}").post("/api/v1/rules").then().statusCode(403);
    }
}
