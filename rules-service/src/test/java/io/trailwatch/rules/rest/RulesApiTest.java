package io.trailwatch.rules.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trailwatch.infra.testing.KafkaTestResource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class RulesApiTest {

    static final String FILE = "{\"Records\":["
            + "{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"Root\",\"arn\":\"arn:aws:iam::111122223333:root\","
            + "\"accountId\":\"111122223333\"},\"eventTime\":\"2026-11-27T10:04:31Z\",\"eventSource\":\"cloudtrail.amazonaws.com\","
            + "\"eventName\":\"StopLogging\",\"awsRegion\":\"us-east-1\",\"eventType\":\"AwsApiCall\",\"eventID\":\"e-1\",\"recipientAccountId\":\"111122223333\"},"
            + "{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"AssumedRole\"},\"eventTime\":\"2026-11-27T10:04:32Z\","
            + "\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DescribeInstances\",\"eventID\":\"e-2\"},"
            + "{\"eventName\":\"ConsoleLogin\"}"
            + "]}";
    static final String EXPECTED = """
            {"eventID":"e-1","ruleIds":["cis-cloudtrail-config-changes","cis-root-account-usage"]}
            {"eventID":"e-2","ruleIds":[]}
            {"eventID":null,"ruleIds":[]}
            """;

    @Test
    void everyoneSignedInCanListTheRulesAndDetectors() {
        given().auth().preemptive().basic("viewer", "test-viewer")
                .when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("cisVersion", equalTo("v7.0.0"))
                .body("rules.find { it.id == 'cis-root-account-usage' }.severity", equalTo("high"))
                .body("rules.find { it.id == 'cis-root-account-usage' }.category", equalTo("access"))
                .body("rules.find { it.id == 'cis-root-account-usage' }.enabled", equalTo(true))
                .body("rules.find { it.id == 'cis-root-account-usage' }.source", equalTo("builtin"))
                .body("rules.find { it.id == 'cis-root-account-usage' }.cis.'v1.2.0'", equalTo("3.3"))
                .body("rules.find { it.id == 'cis-root-account-usage' }.description", startsWith(""))
                .body("rules.find { it.id == 'cis-root-account-usage' }.remediation", startsWith(""))
                .body("rules.find { it.id == 'cis-root-account-usage' }.pattern", containsString("Root"))
                .body("rules.find { it.id == 'cis-root-account-usage' }.variant", nullValue())
                .body("rules.find { it.id == 'cis-root-account-usage-tuned' }.variant", equalTo("tuned"))
                .body("rules.find { it.id == 'cis-root-account-usage-tuned' }.enabled", equalTo(false))
                .body("rules.find { it.id == 'cis-root-account-usage-tuned' }.basedOn", equalTo("cis-root-account-usage"))
                .body("detectors.id", hasItem("outlier-console-auth-failures"))
                .body("detectors.find { it.id == 'outlier-console-auth-failures' }.timeslice", equalTo("5m"))
                .body("detectors.find { it.id == 'outlier-console-auth-failures' }.rule", equalTo("cis-console-auth-failures"))
                .body("detectors.find { it.id == 'outlier-console-auth-failures' }.category", equalTo("outlier"))
                .body("detectors.find { it.id == 'outlier-console-auth-failures' }.direction", equalTo("+"))
                .body("loadErrors", hasSize(0))
                .body("geo.attribution", containsString("CC BY 4.0"));
    }

    @Test
    void oneRuleOrDetectorById() {
        given().auth().preemptive().basic("viewer", "test-viewer")
                .when().get("/api/v1/rules/outlier-console-auth-failures")
                .then().statusCode(200).body("kind", equalTo("detector")).body("minCount", equalTo(3));
        given().auth().preemptive().basic("viewer", "test-viewer")
                .when().get("/api/v1/rules/cis-vpc-changes")
                .then().statusCode(200).body("kind", equalTo("rule")).body("category", equalTo("configuration-change"));
        given().auth().preemptive().basic("viewer", "test-viewer")
                .when().get("/api/v1/rules/nope")
                .then().statusCode(404).body("message", equalTo("no rule or outlier detector with id 'nope'"));
    }

    @Test
    void theRulesApiNeedsAUser() {
        given().when().get("/api/v1/rules").then().statusCode(401);
        given().contentType("application/json").body(FILE).when().post("/api/v1/rules/evaluate")
                .then().statusCode(401);
    }

    @Test
    void evaluatingAFileGivesTheLinesOfTheCliAndPublishesNothing() throws Exception {
        String plain = given().auth().preemptive().basic("analyst", "test-analyst")
                .contentType("application/json").body(FILE)
                .when().post("/api/v1/rules/evaluate")
                .then().statusCode(200)
                .contentType(startsWith("application/x-ndjson"))
                .header("X-Trailwatch-Records", "3")
                .header("X-Trailwatch-Matched", "1")
                .header("X-Trailwatch-Cis-Version", "v7.0.0")
                .extract().asString();
        assertThat(plain).isEqualTo(EXPECTED);

        String gzipped = given().auth().preemptive().basic("admin", "test-admin")
                .contentType("application/gzip").body(gzip(FILE))
                .when().post("/api/v1/rules/evaluate")
                .then().statusCode(200).extract().asString();
        assertThat(gzipped).isEqualTo(EXPECTED);
    }

    @Test
    void anotherBenchmarkVersionCanBeAskedFor() {
        given().auth().preemptive().basic("analyst", "test-analyst")
                .contentType("application/json").body(FILE).queryParam("cisVersion", "1.2")
                .when().post("/api/v1/rules/evaluate")
                .then().statusCode(200).header("X-Trailwatch-Cis-Version", "v1.2.0");
        given().auth().preemptive().basic("analyst", "test-analyst")
                .contentType("application/json").body(FILE).queryParam("cisVersion", "v9.9.9")
                .when().post("/api/v1/rules/evaluate")
                .then().statusCode(400)
                .body("message", startsWith("query parameter cisVersion: unknown CIS benchmark version 'v9.9.9'"));
    }

    @Test
    void viewersCannotEvaluate() {
        given().auth().preemptive().basic("viewer", "test-viewer")
                .contentType("application/json").body(FILE)
                .when().post("/api/v1/rules/evaluate")
                .then().statusCode(403);
    }

    @Test
    void aBodyThatIsNotACloudTrailFileIsRefusedWithTheReason() throws Exception {
        given().auth().preemptive().basic("analyst", "test-analyst")
                .contentType("application/json").body("{\"records\":[]}")
                .when().post("/api/v1/rules/evaluate")
                .then().statusCode(400).body("error", equalTo("bad_request"))
                .body("message", equalTo("request body: no \"Records\" array (not a CloudTrail log file)"));
        given().auth().preemptive().basic("analyst", "test-analyst")
                .contentType("application/json").body("{\"Records\":[{\"eventID\":\"a\"},")
                .when().post("/api/v1/rules/evaluate")
                .then().statusCode(400).body("message", startsWith("request body: not valid JSON at line 1"));
        byte[] truncated = gzip(FILE);
        given().auth().preemptive().basic("analyst", "test-analyst")
                .contentType("application/gzip")
                .body(java.util.Arrays.copyOf(truncated, truncated.length / 2))
                .when().post("/api/v1/rules/evaluate")
                .then().statusCode(400).body("message", startsWith("request body: "));
        given().auth().preemptive().basic("analyst", "test-analyst")
                .contentType("application/json").body("")
                .when().post("/api/v1/rules/evaluate")
                .then().statusCode(400).body("message", startsWith("request body: "));
    }

    static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
