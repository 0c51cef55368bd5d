package io.trailwatch.alert.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.restassured.RestAssured;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trailwatch.alert.testing.Api;
import io.trailwatch.alert.testing.GreenMailResource;
import io.trailwatch.alert.testing.TestHostResolver;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import io.trailwatch.infra.testing.SharedInfra;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class ChannelApiTest {

    @Test
    void secretsAreWriteOnlyEncryptedAtRestAndKeptWhenLeftOut() throws Exception {
        Api.createChannel("""
                {"name": "api-pd", "type": "pagerduty", "routingKey": "R0UT1NGK3Y-very-secret",
                 "eventsUrl": "http://127.0.0.1:9/v2/enqueue"}""")
                .statusCode(201)
                .header("Location", containsString("/api/v1/channels/api-pd"))
                .body("routingKey", nullValue())
                .body("secrets.routingKey.set", equalTo(true))
                .body("secrets.routingKey.source", equalTo("encrypted"))
                .body("sendResolved", equalTo(true));

        String listed = Api.as("viewer").get("/api/v1/channels").then().statusCode(200).extract().asString();
        assertThat(listed).contains("api-pd").doesNotContain("R0UT1NGK3Y");
        assertThat(storedSecrets("api-pd")).contains("\"encrypted\"").doesNotContain("R0UT1NGK3Y");

        Api.admin().body("""
                {"type": "pagerduty", "eventsUrl": "http://127.0.0.1:9/v2/other", "sendResolved": false}""")
                .put("/api/v1/channels/api-pd").then().statusCode(200)
                .body("eventsUrl", equalTo("http://127.0.0.1:9/v2/other"))
                .body("secrets.routingKey.set", equalTo(true));
        Api.admin().body("""
                {"type": "pagerduty", "routingKey": null}""")
                .put("/api/v1/channels/api-pd").then().statusCode(400)
                .body("message", containsString("'routingKey' is required"));
    }

    @Test
    void secretsCanComeFromTheEnvironmentUnderTheSecretPrefixOnly() {
        Api.createChannel("""
                {"name": "api-pd-env", "type": "pagerduty",
                 "routingKey": {"fromEnv": "TRAILWATCH_SECRET_TEST_ROUTING_KEY"},
                 "eventsUrl": "http://127.0.0.1:9/v2/enqueue"}""")
                .statusCode(201)
                .body("secrets.routingKey.source", equalTo("environment"))
                .body("secrets.routingKey.variable", equalTo("TRAILWATCH_SECRET_TEST_ROUTING_KEY"));
        Api.createChannel("""
                {"name": "api-pd-env2", "type": "pagerduty", "routingKey": {"fromEnv": "QUARKUS_DATASOURCE_PASSWORD"}}""")
                .statusCode(400)
                .body("message", containsString("must name an environment variable starting with TRAILWATCH_SECRET_"));
        Api.createChannel("""
                {"name": "api-pd-env3", "type": "pagerduty", "routingKey": {"fromEnv": "TRAILWATCH_SECRET_NOT_SET"}}""")
                .statusCode(400)
                .body("message", containsString("TRAILWATCH_SECRET_NOT_SET, which is not set"));
    }

    @Test
    void onlyAdminsManageChannelsAndEveryoneSignedInReadsThem() {
        Api.as("analyst").body("""
                {"name": "api-nope", "type": "slack", "webhookUrl": "http://127.0.0.1:9/x"}""")
                .post("/api/v1/channels").then().statusCode(403);
        Api.as("viewer").body("{}").post("/api/v1/channels/api-pd/test").then().statusCode(403);
        RestAssured.given().get("/api/v1/channels").then().statusCode(401);
        Api.as("viewer").get("/api/v1/channel-types").then().statusCode(200)
                .body("type", hasItem("servicenow"))
                .body("find { it.type == 'jira' }.settings.find { it.name == 'apiToken' }.secret", equalTo(true));
    }

    @Test
    void mistakesGetMessagesThatNameTheField() {
        Api.createChannel("""
                {"name": "api-bad", "type": "sms"}""")
                .statusCode(400).body("message", containsString("'type' must be one of webhook, slack, teams"));
        Api.createChannel("""
                {"name": "api-bad", "type": "slack", "webhookUrl": "http://127.0.0.1:9/x", "channel": "#soc"}""")
                .statusCode(400).body("message", containsString("unknown field 'channel' in the slack channel"));
        Api.createChannel("""
                {"name": "api bad", "type": "slack", "webhookUrl": "http://127.0.0.1:9/x"}""")
                .statusCode(400).body("message", containsString("'name' must be 1-64 letters"));
        Api.createChannel("""
                {"name": "api-bad", "type": "webhook"}""")
                .statusCode(400).body("message", containsString("'url' is required for a webhook channel"));
        Api.createChannel("""
                {"name": "api-bad", "type": "webhook", "url": "ftp://127.0.0.1/x"}""")
                .statusCode(400).body("message", containsString("only https URLs are allowed"));
        Api.createChannel("""
                {"name": "api-bad", "type": "webhook", "url": "http://127.0.0.1:9/x", "headers": {"webhook-id": "x"}}""")
                .statusCode(400).body("message", containsString("header 'webhook-id' is set by Trailwatch"));
        Api.createChannel("""
                {"name": "api-bad", "type": "webhook", "url": "http://127.0.0.1:9/x", "template": "{\\"a\\": {title}"}""")
                .statusCode(400).body("message", containsString("'template': the template does not produce valid JSON"));
        Api.createChannel("""
                {"name": "api-bad", "type": "webhook", "url": "http://127.0.0.1:9/x", "secret": "short"}""")
                .statusCode(400).body("message", containsString("the webhook secret is too short"));
        Api.createChannel("""
                {"name": "api-bad", "type": "email", "to": ["not-an-address"]}""")
                .statusCode(400).body("message", containsString("'to' must hold e-mail addresses"));
        Api.admin().body("[1]").post("/api/v1/channels").then().statusCode(400)
                .body("message", containsString("must be a JSON object"));
        Api.admin().body("{\"name\": ").post("/api/v1/channels").then().statusCode(400)
                .body("message", containsString("not valid JSON"));
    }

    @Test
    void receiverUrlsThatReachInternalAddressesAreRefused() {
        Api.createChannel("""
                {"name": "api-ssrf", "type": "webhook", "url": "http://169.254.169.254/latest/meta-data/"}""")
                .statusCode(400)
                .body("message", containsString("169.254.169.254 is the cloud metadata service"))
                .body("message", containsString("trailwatch.alert.allowed-cidrs"));
        Api.createChannel("""
                {"name": "api-ssrf", "type": "webhook", "url": "http://[fd00:ec2::254]/latest/"}""")
                .statusCode(400).body("message", containsString("the cloud metadata service"));
        TestHostResolver.register("internal.trailwatch.test", "10.0.0.1");
        Api.createChannel("""
                {"name": "api-ssrf", "type": "slack", "webhookUrl": "http://internal.trailwatch.test/services/T/B/X"}""")
                .statusCode(400)
                .body("message", containsString("internal.trailwatch.test resolves to 10.0.0.1, a private address"))
                .body("message", not(containsString("/services/T/B/X")));
        Api.createChannel("""
                {"name": "api-ssrf", "type": "webhook", "url": "http://user:pw@127.0.0.1:9/x"}""")
                .statusCode(400).body("message", containsString("the URL contains credentials"));
    }

    @Test
    void aChannelInUseCannotBeDeleted() {
        Api.createChannel("""
                {"name": "api-used", "type": "webhook", "url": "http://127.0.0.1:9/hook"}""").statusCode(201);
        Api.createRoute("""
                {"name": "api-uses", "channels": ["api-used"], "match": {"accountIds": ["000000000001"]}}""")
                .statusCode(201);
        Api.admin().delete("/api/v1/channels/api-used").then().statusCode(409)
                .body("message", containsString("used by route(s) api-uses"));
        Api.admin().delete("/api/v1/routes/api-uses").then().statusCode(204);
        Api.admin().delete("/api/v1/channels/api-used").then().statusCode(204);
        Api.admin().get("/api/v1/channels/api-used").then().statusCode(404);
    }

    private static String storedSecrets(String channel) throws Exception {
        try (Connection c = DriverManager.getConnection(SharedInfra.postgres().jdbcUrl("trailwatch"), "postgres",
                "postgres");
             PreparedStatement s = c.prepareStatement("SELECT secrets::text FROM alert.channels WHERE name = ?")) {
            s.setString(1, channel);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
