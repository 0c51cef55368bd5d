package io.trailwatch.query.ui;

import static io.trailwatch.query.TestSupport.analyst;
import static io.trailwatch.query.TestSupport.fid;
import static io.trailwatch.query.TestSupport.finding;
import static io.trailwatch.query.TestSupport.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import io.trailwatch.query.FakeBackends;
import io.trailwatch.query.TestSupport;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The findings, events and rules pages as HTML over HTTP: role-dependent controls, errors shown in the page, the
 * notes when rules-service is unreachable (FakeBackends gives it a port where nothing listens), and triage through
 * the page form with its CSRF token.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeBackends.class, scope = TestResourceScope.GLOBAL)
class PagesTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private static ObjectNode stored() {
        String account = TestSupport.uniqueAccount();
        ObjectNode f = finding(fid(), "cis-root-account-usage", account, TestSupport.now().minusSeconds(600));
        f.put("userAgent", "<script>window.__pwned = true</script>");
        TestSupport.send(Topics.FINDINGS, account, f.toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> viewer().queryParam("accountId", account)
                .get("/api/v1/findings").then().body("items", hasSize(1)));
        return f;
    }

    @Test
    void findingDetailEscapesEventValuesAndNotesTheUnreachableRulesService() {
        ObjectNode f = stored();
        String id = f.get("findingId").asText();
        viewer().get("/findings/" + id).then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("&lt;script&gt;window.__pwned = true&lt;/script&gt;"))
                .body(not(containsString("<script>window.__pwned")))
                .body(containsString("The rule&#39;s description and remediation are not available: rules-service"))
                .body(not(containsString("triage-form")));
        analyst().get("/findings/" + id).then().statusCode(200).body(containsString("class=\"triage-form\""));
    }

    @Test
    void triageThroughThePageFormNeedsTheTokenAndTheRole() {
        String id = stored().get("findingId").asText();
        Response page = analyst().get("/findings/" + id);
        Matcher token = TOKEN.matcher(page.asString());
        assertThat(token.find()).isTrue();
        String cookie = page.getCookie("csrf-token");

        analyst().redirects().follow(false).cookie("csrf-token", cookie).formParam("csrf-token", token.group(1))
                .formParam("status", "acknowledged").formParam("assignee", "analyst")
                .formParam("comment", "on it").formParam("version", "0")
                .post("/findings/" + id + "/triage").then().statusCode(303)
                .header("Location", containsString("/findings/" + id));
        viewer().get("/api/v1/findings/" + id).then().body("status", equalTo("acknowledged"))
                .body("history[0].actor", equalTo("analyst")).body("comments[0].text", equalTo("on it"));

        analyst().redirects().follow(false).cookie("csrf-token", cookie).formParam("csrf-token", token.group(1))
                .formParam("status", "resolved").formParam("assignee", "").formParam("version", "0")
                .post("/findings/" + id + "/triage").then().statusCode(409)
                .body(containsString("was changed by someone else since version 0"));
        analyst().redirects().follow(false).formParam("status", "resolved")
                .post("/findings/" + id + "/triage").then().statusCode(400);
        viewer().redirects().follow(false).cookie("csrf-token", cookie).formParam("csrf-token", token.group(1))
                .formParam("status", "resolved").post("/findings/" + id + "/triage").then().statusCode(403);
        viewer().get("/api/v1/findings/" + id).then().body("status", equalTo("acknowledged"));
    }

    @Test
    void listsShowWrongFiltersAsAnErrorInThePage() {
        viewer().get("/findings?range=2w").then().statusCode(400)
                .body(containsString("<div class=\"error\" role=\"alert\">&#39;range&#39; must be one of"));
        viewer().get("/findings").then().statusCode(200).body(containsString("Last 24 hours"))
                .body(not(containsString("bulk-bar")));
        viewer().get("/events?sourceIPAddress=10.0.0.0/33").then().statusCode(400)
                .body(containsString("is not an address block"));
        viewer().get("/events/no-such-event").then().statusCode(404)
                .body(containsString("No stored event has the eventID &#39;no-such-event&#39;"));
        viewer().get("/findings/f-missing").then().statusCode(404).body(containsString("No finding has the id"));
    }

    @Test
    void rulesPageSaysWhyTheRulesAreMissing() {
        analyst().get("/rules").then().statusCode(200)
                .body(containsString("The rules cannot be shown: rules-service is unreachable"))
                .body(containsString("class=\"pattern-form\""));
        viewer().get("/rules").then().statusCode(200).body(containsString("Trying patterns needs the analyst role"));
    }
}
