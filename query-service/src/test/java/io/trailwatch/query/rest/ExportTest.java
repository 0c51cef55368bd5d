package io.trailwatch.query.rest;

import static io.restassured.RestAssured.given;
import static io.trailwatch.query.TestSupport.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeBackends.class, scope = TestResourceScope.GLOBAL)
class ExportTest {

    private static final String FORMULA = "=cmd|' /C calc'!A0";

    @Test
    void exportsEventsWithTheSearchFiltersAndHostileValuesDefused() {
        String account = TestSupport.uniqueAccount();
        Instant t = TestSupport.now().minusSeconds(600);
        List<String> hostile = List.of(FORMULA, "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "  =1+1",
                "say \"hi\", then\nnew line", "plain agent");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            String id = TestSupport.id();
            ids.add(id);
            ObjectNode record = TestSupport.event(id, account, "GetObject", t.plusSeconds(i));
            record.put("userAgent", hostile.get(i));
            ((ObjectNode) record.get("userIdentity")).put("userName", "=HYPERLINK(\"http://evil\")");
            TestSupport.send(Topics.CLOUDTRAIL_EVENTS, account, record.toString());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> viewer().queryParam("accountId", account)
                .get("/api/v1/events").then().body("items", hasSize(hostile.size())));

        Response response = viewer().queryParam("accountId", account).get("/api/v1/events/export");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).startsWith("attachment; filename=\"events-");
        List<List<String>> rows = parse(response.asString());
        assertThat(rows.get(0)).startsWith("eventTime", "eventID", "accountId");
        assertThat(rows).hasSize(hostile.size() + 1);
        int agent = rows.get(0).indexOf("userAgent");
        int user = rows.get(0).indexOf("principalName");
        List<String> agents = rows.subList(1, rows.size()).stream().map(r -> r.get(agent)).toList();
        assertThat(agents).containsExactly("plain agent", "say \"hi\", then\nnew line", "'  =1+1", "'\r=1",
                "'\t=1", "'@SUM(A1:A2)", "'-2+3", "'+1+1", "'" + FORMULA);
        assertThat(rows.get(1).get(user)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(rows.get(1).get(1)).isEqualTo(ids.get(ids.size() - 1));

        List<List<String>> filtered = parse(viewer().queryParam("accountId", account)
                .queryParam("userAgent", "plain").get("/api/v1/events/export").asString());
        assertThat(filtered).hasSize(2);
        given().get("/api/v1/events/export").then().statusCode(401);
    }

    @Test
    void exportsFindingsWithTheirTriageState() {
        String account = TestSupport.uniqueAccount();
        ObjectNode f = TestSupport.finding(TestSupport.fid(), "cis-vpc-changes", account,
                TestSupport.now().minusSeconds(60));
        f.put("summary", "-10 security groups opened");
        TestSupport.send(Topics.FINDINGS, account, f.toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> viewer().queryParam("accountId", account)
                .get("/api/v1/findings").then().body("items", hasSize(1)));

        Response response = viewer().queryParam("accountId", account).queryParam("status", "open")
                .get("/api/v1/findings/export");
        assertThat(response.statusCode()).isEqualTo(200);
        List<List<String>> rows = parse(response.asString());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(rows.get(0).indexOf("findingId"))).isEqualTo(f.get("findingId").asText());
        assertThat(rows.get(1).get(rows.get(0).indexOf("status"))).isEqualTo("open");
        assertThat(rows.get(1).get(rows.get(0).indexOf("summary"))).isEqualTo("'-10 security groups opened");
        assertThat(parse(viewer().queryParam("accountId", account).queryParam("status", "resolved")
                .get("/api/v1/findings/export").asString())).hasSize(1);
    }

    /** An RFC 4180 parser that requires every cell to be quoted, as the export writes them. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        int i = 0;
        while (i < csv.length()) {
            assertThat(csv.charAt(i)).as("cell start at %d", i).isEqualTo('"');
            StringBuilder cell = new StringBuilder();
            i++;
            while (true) {
                char c = csv.charAt(i);
                if (c == '"') {
                    if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                cell.append(c);
                i++;
            }
            row.add(cell.toString());
            if (i < csv.length() && csv.charAt(i) == ',') {
                i++;
            } else {
                assertThat(csv.substring(i, i + 2)).isEqualTo("\r\n");
                i += 2;
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        return rows;
    }
}
