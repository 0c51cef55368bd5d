package io.trailwatch.query.rest;

import static io.restassured.RestAssured.given;
import static io.trailwatch.query.TestSupport.admin;
import static io.trailwatch.query.TestSupport.analyst;
import static io.trailwatch.query.TestSupport.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import io.trailwatch.query.FakeBackends;
import io.trailwatch.query.TestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeBackends.class, scope = TestResourceScope.GLOBAL)
class AuthTest {

    private static final List<String> READ_PATHS = List.of("/api/v1/events", "/api/v1/events/x",
            "/api/v1/events/export", "/api/v1/findings", "/api/v1/findings/f-x", "/api/v1/findings/export",
            "/api/v1/panels", "/api/v1/accounts", "/api/v1/rejections", "/api/v1/session", "/api/v1/tokens",
            "/api/v1/alerts/channels", "/api/v1/rules", "/q/openapi");

    @Test
    void everyApiNeedsCredentialsButHealthAndMetricsDoNot() {
        for (String path : READ_PATHS) {
            given().get(path).then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("Basic"))
                    .body("message", containsString("sign in"));
            given().auth().preemptive().basic("viewer", "wrong").get(path).then().statusCode(401);
            given().header("Authorization", "Bearer tw_nope_nope").get(path).then().statusCode(401);
        }
        // Ready once the default dashboards were drawn, within seconds of the start.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"))
                .body("checks.find { it.name.contains('Reactive Messaging') }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Dashboard' }.data.defaultViews", equalTo("drawn")));
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void rolesNestAndEachEndpointAsksForTheLeastRoleItNeeds() {
        viewer().get("/api/v1/session").then().statusCode(200)
                .body("name", equalTo("viewer"))
                .body("roles", equalTo(List.of("viewer")))
                .body("authenticatedBy", equalTo("local"))
                .body("canTriage", equalTo(false));
        analyst().get("/api/v1/session").then().body("roles", equalTo(List.of("viewer", "analyst")))
                .body("canTriage", equalTo(true)).body("canAdmin", equalTo(false));
        admin().get("/api/v1/session").then().body("roles", equalTo(List.of("viewer", "analyst", "admin")));

        viewer().get("/api/v1/tokens").then().statusCode(403);
        analyst().get("/api/v1/tokens").then().statusCode(403);
        analyst().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "viewer"))
                .post("/api/v1/tokens").then().statusCode(403);
        admin().get("/api/v1/tokens").then().statusCode(200);
        for (String path : READ_PATHS.subList(0, 9)) {
            assertThat(viewer().get(path).statusCode()).as(path).isIn(200, 404);
        }
    }

    @Test
    void apiTokensAreShownOnceWorkWithTheirRoleAndStopWhenRevoked() {
        Response created = admin().contentType(ContentType.JSON)
                .body(Map.of("name", "SOC portal", "role", "viewer")).post("/api/v1/tokens");
        created.then().statusCode(201)
                .body("token", startsWith("tw_"))
                .body("role", equalTo("viewer"))
                .body("expiresAt", notNullValue());
        String token = created.jsonPath().getString("token");
        String id = created.jsonPath().getString("id");

        given().header("Authorization", "Bearer " + token).get("/api/v1/session").then().statusCode(200)
                .body("name", equalTo("token:" + id))
                .body("authenticatedBy", equalTo("token"))
                .body("roles", equalTo(List.of("viewer")));
        given().header("Authorization", "Bearer " + token).get("/api/v1/findings").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("status", "resolved")).patch("/api/v1/findings/f-x").then().statusCode(403);
        given().header("Authorization", "Bearer " + token.substring(0, token.length() - 2) + "xx")
                .get("/api/v1/findings").then().statusCode(401);

        admin().get("/api/v1/tokens").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.status", equalTo("active"))
                .body("items.find { it.id == '" + id + "' }.lastUsedAt", notNullValue())
                .body("items.find { it.id == '" + id + "' }.createdBy", equalTo("admin"))
                .body("items.token", not(hasItem(notNullValue())));

        admin().delete("/api/v1/tokens/" + id).then().statusCode(200).body("status", equalTo("revoked"))
                .body("revokedBy", equalTo("admin"));
        given().header("Authorization", "Bearer " + token).get("/api/v1/findings").then().statusCode(401);
        admin().delete("/api/v1/tokens/nope").then().statusCode(404);
    }

    @Test
    void anAdminTokenCanManageTokensAndExpiryIsBounded() {
        String token = admin().contentType(ContentType.JSON)
                .body(Map.of("name", "automation", "role", "admin",
                        "expiresAt", Instant.now().plusSeconds(3600).toString()))
                .post("/api/v1/tokens").then().statusCode(201).extract().jsonPath().getString("token");
        given().header("Authorization", "Bearer " + token).get("/api/v1/tokens").then().statusCode(200);

        admin().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "superuser"))
                .post("/api/v1/tokens").then().statusCode(400).body("message", containsString("'role'"));
        admin().contentType(ContentType.JSON).body(Map.of("role", "viewer"))
                .post("/api/v1/tokens").then().statusCode(400).body("message", containsString("'name'"));
        admin().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "viewer",
                        "expiresAt", Instant.now().minusSeconds(5).toString()))
                .post("/api/v1/tokens").then().statusCode(400).body("message", containsString("'expiresAt'"));
        admin().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "viewer",
                        "expiresAt", Instant.now().plusSeconds(400L * 86400).toString()))
                .post("/api/v1/tokens").then().statusCode(400).body("message", containsString("365 days"));
    }

    @Test
    void browsersSignInWithAFormAndKeepASessionCookie() {
        given().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", containsString("/login"));
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "analyst").formParam("j_password", "test-analyst")
                .post("/j_security_check");
        assertThat(login.statusCode()).isEqualTo(302);
        String cookie = login.getCookie("quarkus-credential");
        assertThat(cookie).isNotBlank();
        assertThat(login.getDetailedCookie("quarkus-credential").isHttpOnly()).isTrue();

        given().cookie("quarkus-credential", cookie).get("/api/v1/session").then().statusCode(200)
                .body("name", equalTo("analyst")).body("canTriage", equalTo(true));
        Response logout = given().cookie("quarkus-credential", cookie).delete("/api/v1/session");
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.getDetailedCookie("quarkus-credential").getMaxAge()).isZero();

        Response failed = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "analyst").formParam("j_password", "wrong").post("/j_security_check");
        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(failed.header("Location")).contains("/login?error=true");
        assertThat(failed.getCookie("quarkus-credential")).isNull();
    }

    @Test
    void signInFormPostedFromAnotherSiteIsRefused() {
        Response crossSite = given().redirects().follow(false).contentType(ContentType.URLENC)
                .header("Origin", "https://attacker.example")
                .formParam("j_username", "analyst").formParam("j_password", "test-analyst")
                .post("/j_security_check");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.asString()).contains("posted from attacker.example (Origin header)");
        assertThat(crossSite.getCookie("quarkus-credential")).isNull();

        Response opaque = given().redirects().follow(false).contentType(ContentType.URLENC)
                .header("Origin", "null")
                .formParam("j_username", "analyst").formParam("j_password", "test-analyst")
                .post("/j_security_check");
        assertThat(opaque.statusCode()).isEqualTo(403);

        Response viaReferer = given().redirects().follow(false).contentType(ContentType.URLENC)
                .header("Referer", "http://attacker.example:8080/login")
                .formParam("j_username", "analyst").formParam("j_password", "test-analyst")
                .post("/j_security_check");
        assertThat(viaReferer.statusCode()).isEqualTo(403);

        String self = "http://localhost:" + RestAssured.port;
        Response sameSite = given().redirects().follow(false).contentType(ContentType.URLENC)
                .header("Origin", self).header("Referer", self + "/login")
                .formParam("j_username", "analyst").formParam("j_password", "test-analyst")
                .post("/j_security_check");
        assertThat(sameSite.statusCode()).isEqualTo(302);
        assertThat(sameSite.getCookie("quarkus-credential")).isNotBlank();
    }
}
