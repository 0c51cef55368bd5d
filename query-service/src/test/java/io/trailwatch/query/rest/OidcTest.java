package io.trailwatch.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import io.trailwatch.query.FakeBackends;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Production sign-in: OIDC bearer tokens from a real (WireMock) provider, roles from the groups claim. */
@QuarkusTest
@TestProfile(OidcTest.OidcEnabled.class)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeBackends.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class OidcTest {

    public static class OidcEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "quarkus-web-app",
                    "quarkus.oidc.credentials.secret", "secret",
                    "quarkus.oidc.roles.role-claim-path", "groups",
                    "trailwatch.query.auth.role-mapping.soc-admins", "admin",
                    "smallrye.jwt.sign.key.location", "privateKey.jwk");
        }
    }

    private static String token(String user, Set<String> groups) {
        return OidcWiremockTestResource.getAccessToken(user, groups);
    }

    @Test
    void bearerTokensCarryTheirRolesFromTheGroupsClaim() {
        given().auth().oauth2(token("alice", Set.of("analyst"))).get("/api/v1/session").then().statusCode(200)
                .body("name", equalTo("alice"))
                .body("authenticatedBy", equalTo("oidc"))
                .body("roles", equalTo(List.of("viewer", "analyst")));
        given().auth().oauth2(token("bob", Set.of("soc-admins"))).get("/api/v1/session").then().statusCode(200)
                .body("roles", equalTo(List.of("viewer", "analyst", "admin")));
        given().auth().oauth2(token("bob", Set.of("soc-admins"))).get("/api/v1/tokens").then().statusCode(200);
        given().auth().oauth2(token("eve", Set.of("viewer"))).contentType(ContentType.JSON)
                .body(Map.of("status", "resolved")).patch("/api/v1/findings/f-x").then().statusCode(403);
        given().auth().oauth2(token("mallory", Set.of("marketing"))).get("/api/v1/findings").then()
                .statusCode(403);
    }

    @Test
    void pagesOfAnOidcUserSignOutThroughTheProvider() {
        String page = given().auth().oauth2(token("alice", Set.of("analyst"))).accept(ContentType.HTML).get("/findings")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("<a class=\"logout\" id=\"sso-sign-out\" href=\"/sso/logout\">Sign out</a>")
                .doesNotContain("action=\"/logout\"");
    }

    @Test
    void apiCallsWithoutAValidTokenGet401AndPagesGoToTheProvider() {
        given().get("/api/v1/findings").then().statusCode(401);
        given().auth().oauth2("not-a-jwt").get("/api/v1/findings").then().statusCode(401);
        given().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", startsWith(System.getProperty("keycloak.url", "http")));
    }

    @Test
    void apiTokensAndLocalUsersKeepWorkingBesideOidc() {
        String apiToken = given().auth().oauth2(token("bob", Set.of("soc-admins"))).contentType(ContentType.JSON)
                .body(Map.of("name", "portal", "role", "analyst")).post("/api/v1/tokens").then().statusCode(201)
                .extract().jsonPath().getString("token");
        given().auth().oauth2(apiToken).get("/api/v1/session").then().statusCode(200)
                .body("authenticatedBy", equalTo("token"))
                .body("canTriage", equalTo(true));
        given().auth().preemptive().basic("viewer", "test-viewer").get("/api/v1/session").then().statusCode(200)
                .body("name", equalTo("viewer"));
    }
}
