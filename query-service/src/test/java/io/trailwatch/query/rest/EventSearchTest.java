package io.trailwatch.query.rest;

import static io.trailwatch.query.TestSupport.event;
import static io.trailwatch.query.TestSupport.id;
import static io.trailwatch.query.TestSupport.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import io.trailwatch.query.FakeBackends;
import io.trailwatch.query.TestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeBackends.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventSearchTest {

    private final String account = TestSupport.uniqueAccount();
    private final Instant base = TestSupport.now().minus(Duration.ofHours(2));
    /** Test name → eventID, eventTime, record. */
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, Instant> times = new LinkedHashMap<>();
    private final Map<String, ObjectNode> records = new LinkedHashMap<>();

    private boolean stored;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only by then. */
    @BeforeEach
    void storeEvents() {
        if (stored) {
            return;
        }
        stored = true;
        add("login", "ConsoleLogin", base.plusSeconds(60));

        ObjectNode read = add("read", "GetObject", base.plusSeconds(120));
        ObjectNode identity = read.putObject("userIdentity");
        identity.put("type", "AssumedRole");
        identity.put("arn", "arn:aws:sts::" + account + ":assumed-role/ci-deployer/build-42");
        identity.put("accountId", account);
        identity.putObject("sessionContext").putObject("sessionIssuer").put("type", "Role")
                .put("arn", "arn:aws:iam::" + account + ":role/ci-deployer").put("userName", "ci-deployer");
        read.put("sourceIPAddress", "198.51.100.20");
        read.put("userAgent", "aws-cli/2.15.0 Python/3.11 (100%_done)");
        read.put("awsRegion", "eu-west-1");
        read.put("readOnly", true);
        read.put("eventSource", "s3.amazonaws.com");
        read.put("errorCode", "AccessDenied");
        read.put("errorMessage", "User is not authorized");

        ObjectNode service = add("service", "DescribeInstances", base.plusSeconds(180));
        service.putObject("userIdentity").put("type", "AWSService").put("invokedBy", "ec2.amazonaws.com");
        service.put("sourceIPAddress", "ec2.amazonaws.com");
        service.put("userAgent", "ec2.amazonaws.com");
        service.put("awsRegion", "eu-west-1");
        service.put("readOnly", true);
        service.put("eventSource", "ec2.amazonaws.com");
        service.put("errorCode", "Client.UnauthorizedOperation");

        ObjectNode v6 = add("v6", "CreateUser", base.plusSeconds(240));
        v6.put("sourceIPAddress", "2001:db8::7");
        v6.put("eventSource", "iam.amazonaws.com");
        v6.put("userAgent", "Terraform/1.6");
        ((ObjectNode) v6.get("userIdentity")).put("userName", "bob")
                .put("arn", "arn:aws:iam::" + account + ":user/bob");

        for (String tie : List.of("tie1", "tie2", "tie3")) {
            add(tie, "PutObject", base.plusSeconds(300));
        }
        add("old", "ConsoleLogin", base.minus(Duration.ofDays(3)));

        records.values().forEach(record -> TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account, record.toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> viewer().queryParam("accountId", account)
                .queryParam("limit", 100).get("/api/v1/events").then().body("items", hasSize(ids.size())));
    }

    private ObjectNode add(String name, String eventName, Instant time) {
        String eventId = id();
        ids.put(name, eventId);
        times.put(name, time);
        ObjectNode record = event(eventId, account, eventName, time);
        records.put(name, record);
        return record;
    }

    /** The names of the events a search returns, in order. */
    private List<String> search(Map<String, String> params) {
        var request = viewer().queryParam("accountId", account).queryParam("limit", 100);
        params.forEach(request::queryParam);
        List<String> found = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath()
                .getList("items.eventID");
        Map<String, String> names = new LinkedHashMap<>();
        ids.forEach((name, eventId) -> names.put(eventId, name));
        return found.stream().map(names::get).toList();
    }

    /** Newest first; events with the same eventTime by eventID, descending. */
    private List<String> newestFirst(List<String> names) {
        return names.stream().sorted(Comparator.comparing((String n) -> times.get(n))
                .thenComparing(ids::get).reversed()).toList();
    }

    @Test
    void listsNewestFirstWithTiesBrokenByEventId() {
        assertThat(search(Map.of())).containsExactlyElementsOf(newestFirst(new ArrayList<>(ids.keySet())));
    }

    @Test
    void pagesThroughEveryEventOnceIncludingAnExactMultipleOfTheLimit() {
        for (int limit : List.of(1, 3, 4, 8)) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = viewer().queryParam("accountId", account).queryParam("limit", limit);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
                List<String> items = page.getList("items.eventID");
                assertThat(items).hasSizeLessThanOrEqualTo(limit).isNotEmpty();
                seen.addAll(items);
                cursor = page.getString("nextCursor");
                pages++;
            } while (cursor != null);
            assertThat(seen).as("limit %d", limit).hasSize(ids.size()).doesNotHaveDuplicates();
            assertThat(pages).as("limit %d", limit).isEqualTo((ids.size() + limit - 1) / limit);
        }
    }

    @Test
    void filtersByTimeRangeWithAnInclusiveStartAndExclusiveEnd() {
        assertThat(search(Map.of("from", times.get("login").toString(), "to", times.get("v6").toString())))
                .containsExactly("service", "read", "login");
    }

    @Test
    void filtersByAccountRegionSourceAndName() {
        assertThat(search(Map.of("region", "eu-west-1"))).containsExactly("service", "read");
        assertThat(search(Map.of("region", "eu-west-1,ap-south-1"))).containsExactly("service", "read");
        assertThat(search(Map.of("eventSource", "s3.amazonaws.com"))).containsExactly("read");
        assertThat(search(Map.of("eventName", "ConsoleLogin,CreateUser"))).containsExactly("v6", "login", "old");
        assertThat(search(Map.of("eventName", "Describe*"))).containsExactly("service");
        List<String> otherAccount = viewer().queryParam("accountId", TestSupport.uniqueAccount())
                .get("/api/v1/events").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(otherAccount).isEmpty();
    }

    @Test
    void filtersByPrincipalArnNameOrArnPrefix() {
        assertThat(search(Map.of("principal", "arn:aws:iam::" + account + ":user/bob"))).containsExactly("v6");
        assertThat(search(Map.of("principal", "ci-deployer"))).containsExactly("read");
        assertThat(search(Map.of("principal", "arn:aws:sts::" + account + ":assumed-role/ci-deployer/*")))
                .containsExactly("read");
        assertThat(search(Map.of("principal", "ec2.amazonaws.com"))).containsExactly("service");
    }

    @Test
    void filtersBySourceAddressBlockOrHostName() {
        assertThat(search(Map.of("sourceIPAddress", "198.51.100.20"))).containsExactly("read");
        assertThat(search(Map.of("sourceIPAddress", "198.51.100.0/24"))).containsExactly("read");
        assertThat(search(Map.of("sourceIPAddress", "2001:db8::/32"))).containsExactly("v6");
        assertThat(search(Map.of("sourceIPAddress", "2001:DB8:0::7"))).containsExactly("v6");
        assertThat(search(Map.of("sourceIPAddress", "ec2.amazonaws.com"))).containsExactly("service");
        viewer().queryParam("sourceIPAddress", "10.0.0.0/99").get("/api/v1/events").then().statusCode(400)
                .body("message", containsString("'sourceIPAddress'"));
    }

    @Test
    void filtersByErrorCodeReadOnlyAndUserAgentText() {
        assertThat(search(Map.of("errorCode", "AccessDenied"))).containsExactly("read");
        assertThat(search(Map.of("errorCode", "*"))).containsExactly("service", "read");
        assertThat(search(Map.of("errorCode", "*UnauthorizedOperation"))).containsExactly("service");
        assertThat(search(Map.of("readOnly", "true"))).containsExactly("service", "read");
        assertThat(search(Map.of("readOnly", "false"))).hasSize(ids.size() - 2);
        assertThat(search(Map.of("userAgent", "AWS-CLI"))).containsExactly("read");
        assertThat(search(Map.of("userAgent", "100%_"))).containsExactly("read");
        assertThat(search(Map.of("userAgent", "50%"))).isEmpty();
        viewer().queryParam("readOnly", "maybe").get("/api/v1/events").then().statusCode(400)
                .body("message", containsString("'readOnly'"));
    }

    @Test
    void filtersByTheRuleThatMatchedAnEventAndShowsItsFindings() {
        String finding = TestSupport.fid();
        ObjectNode f = TestSupport.finding(finding, "test-rule-" + account, account, times.get("login"));
        f.put("eventID", ids.get("login"));
        TestSupport.send(Topics.FINDINGS, account, f.toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(search(Map.of("ruleId", "test-rule-" + account))).containsExactly("login"));

        viewer().get("/api/v1/events/" + ids.get("login")).then().statusCode(200)
                .body("eventID", equalTo(ids.get("login")))
                .body("principalName", equalTo("alice"))
                .body("record.userIdentity.userName", equalTo("alice"))
                .body("record.eventName", equalTo("ConsoleLogin"))
                .body("findings[0].findingId", equalTo(finding))
                .body("findings[0].status", equalTo("open"));
    }

    @Test
    void showsOneEventWithItsFullRecordOr404() {
        viewer().get("/api/v1/events/" + ids.get("read")).then().statusCode(200)
                .body("eventTime", equalTo(times.get("read").toString()))
                .body("principalArn", equalTo("arn:aws:sts::" + account + ":assumed-role/ci-deployer/build-42"))
                .body("principalName", equalTo("ci-deployer"))
                .body("errorMessage", equalTo("User is not authorized"))
                .body("record.userIdentity.sessionContext.sessionIssuer.userName", equalTo("ci-deployer"))
                .body("record.requestParameters", nullValue())
                .body("findings", hasSize(0));
        viewer().get("/api/v1/events/no-such-event").then().statusCode(404)
                .body("message", containsString("no-such-event"));
    }

    @Test
    void refusesBadParametersNamingThem() {
        viewer().queryParam("from", "yesterday").get("/api/v1/events").then().statusCode(400)
                .body("message", containsString("'from'"));
        viewer().queryParam("from", "2026-11-28T00:00:00Z").queryParam("to", "2026-11-27T00:00:00Z")
                .get("/api/v1/events").then().statusCode(400).body("message", containsString("'from'"));
        viewer().queryParam("cursor", "bogus").get("/api/v1/events").then().statusCode(400)
                .body("message", containsString("'cursor'"));
        viewer().queryParam("limit", 0).get("/api/v1/events").then().statusCode(400)
                .body("message", containsString("'limit'"));
        viewer().queryParam("limit", 501).get("/api/v1/events").then().statusCode(400)
                .body("message", containsString("'limit'"));
    }
}
