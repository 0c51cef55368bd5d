package io.trailwatch.query.rest;

import static io.trailwatch.query.TestSupport.fid;
import static io.trailwatch.query.TestSupport.finding;
import static io.trailwatch.query.TestSupport.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trailwatch.contracts.SeriesPoint;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import io.trailwatch.query.FakeBackends;
import io.trailwatch.query.TestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
class PanelsTest {

    private final String account = TestSupport.uniqueAccount();
    private final Instant now = TestSupport.now();
    private final String detector = "outlier-test-" + account;
    private boolean stored;

    @BeforeEach
    void storeFindings() throws Exception {
        if (stored) {
            return;
        }
        stored = true;
        ObjectNode fail1 = failure(now.minus(Duration.ofHours(3)), "JP", "198.51.100.1", "alice");
        List<ObjectNode> findings = List.of(
                fail1, fail1,
                failure(now.minus(Duration.ofHours(3)).plusSeconds(60), "JP", "198.51.100.1", "alice"),
                failure(now.minus(Duration.ofHours(2)), "BR", "198.51.100.2", "bob"),
                failure(now.minus(Duration.ofHours(30)), "US", "198.51.100.3", "carol"),
                finding(fid(), "cis-root-account-usage", account, now.minus(Duration.ofHours(1))),
                finding(fid(), "cis-root-account-usage", account, now.minus(Duration.ofHours(1)))
                        .put("eventName", "CreateAccessKey"),
                finding(fid(), "cis-vpc-changes", account, now.minus(Duration.ofMinutes(30)))
                        .put("region", "eu-west-1").put("eventName", "CreateVpc"),
                finding(fid(), "custom-" + account, account, now.minus(Duration.ofMinutes(10)))
                        .put("title", "Custom thing").put("category", "custom"));
        findings.forEach(f -> TestSupport.send(Topics.FINDINGS, account, f.toString()));
        Instant slice = now.minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
        TestSupport.send(Topics.METRICS, detector, TestSupport.JSON.writeValueAsString(new SeriesPoint(
                SeriesPoint.seriesId(detector, account), detector, account, slice, 900, 1, 1.0, 0.5, 2.5, -0.5,
                false, false)));
        TestSupport.send(Topics.METRICS, detector, TestSupport.JSON.writeValueAsString(new SeriesPoint(
                SeriesPoint.seriesId(detector, account), detector, account, slice.plusSeconds(900), 900, 9, 1.0,
                1.0, 4.0, -2.0, true, true)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> viewer().queryParam("accountId", account)
                .queryParam("limit", 100).get("/api/v1/findings").then().body("items", hasSize(findings.size() - 1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(panels(Map.of())
                .getList("outliers.series.find { it.detectorId == '" + detector + "' }.points")).hasSize(2));
    }

    private ObjectNode failure(Instant time, String country, String ip, String user) {
        ObjectNode f = finding(fid(), "cis-console-auth-failures", account, time);
        ((ObjectNode) f.get("geo")).put("country", country);
        f.put("sourceIPAddress", ip);
        ((ObjectNode) f.get("principal")).put("arn", "arn:aws:iam::" + account + ":user/" + user)
                .put("userName", user);
        return f;
    }

    private JsonPath panels(Map<String, String> params) {
        return panelsOf(account, params);
    }

    private static String panel(String id) {
        return "sections.panels.flatten().find { it.id == '" + id + "' }";
    }

    @Test
    void countsEachPanelForTheLast24HoursByDefault() {
        JsonPath p = panels(Map.of());
        assertThat(p.getLong("bucketSeconds")).isEqualTo(900);
        assertThat(p.getList("buckets")).hasSizeBetween(96, 97);
        assertThat(p.getList("sections.id")).containsExactly("access", "configuration", "other");
        assertThat(p.getList("sections[0].panels.id")).containsExactly("console-signin-without-mfa",
                "console-auth-failures", "root-account-usage", "unauthorized-api-calls", "cmk-disable-or-deletion");
        assertThat(p.getList("sections[1].panels.id")).hasSize(10).contains("organizations-changes");

        String failures = panel("console-auth-failures");
        assertThat(p.getLong(failures + ".total")).as("a redelivered finding counts once").isEqualTo(3);
        assertThat(p.getLong(failures + ".previousTotal")).isEqualTo(1);
        assertThat(p.getList(failures + ".series", Long.class).stream().mapToLong(Long::longValue).sum())
                .isEqualTo(3);
        assertThat(p.getList(failures + ".series")).hasSameSizeAs(p.getList("buckets"));
        assertThat(p.getString(failures + ".topSourceIPs[0].value")).isEqualTo("198.51.100.1");
        assertThat(p.getLong(failures + ".topSourceIPs[0].count")).isEqualTo(2);
        assertThat(p.getString(failures + ".topPrincipals[0].value"))
                .isEqualTo("arn:aws:iam::" + account + ":user/alice");
        assertThat(p.getString(failures + ".topAccounts[0].value")).isEqualTo(account);
        assertThat(p.getString(failures + ".lastSeen")).isEqualTo(now.minus(Duration.ofHours(2)).toString());
        assertThat(p.getString(failures + ".severity")).isEqualTo("high");

        String root = panel("root-account-usage");
        assertThat(p.getLong(root + ".total")).isEqualTo(2);
        assertThat(p.getString(root + ".highlights[0].eventName")).isEqualTo("ConsoleLogin");
        assertThat(p.getLong(root + ".highlights[0].total")).isEqualTo(1);
        assertThat(p.getList(root + ".topEventNames.value")).containsExactlyInAnyOrder("ConsoleLogin",
                "CreateAccessKey");

        String mfa = panel("console-signin-without-mfa");
        assertThat(p.getLong(mfa + ".total")).isZero();
        assertThat(p.getString(mfa + ".lastSeen")).isNull();
        assertThat(p.getList(mfa + ".series", Long.class)).allMatch(v -> v == 0);

        assertThat(p.getString("sections[2].panels[0].id")).isEqualTo("custom-" + account);
        assertThat(p.getString("sections[2].panels[0].title")).isEqualTo("Custom thing");
        assertThat(p.getLong("sections[2].panels[0].total")).isEqualTo(1);

        assertThat(p.getList("failedLoginsByCountry.value")).containsExactly("JP", "BR");
        assertThat(p.getList("failedLoginsByCountry.count", Long.class)).containsExactly(2L, 1L);
    }

    @Test
    void showsTheOutlierSeriesWithItsBand() {
        JsonPath p = panels(Map.of());
        String series = "outliers.series.find { it.detectorId == '" + detector + "' }";
        assertThat(p.getString(series + ".group")).isEqualTo(account);
        assertThat(p.getInt(series + ".outliers")).isEqualTo(1);
        assertThat(p.getInt(series + ".violations")).isEqualTo(1);
        assertThat(p.getList(series + ".points.value", Long.class)).containsExactly(1L, 9L);
        assertThat(p.getDouble(series + ".points[1].upper")).isEqualTo(4.0);
        assertThat(p.getBoolean(series + ".points[1].outlier")).isTrue();
        assertThat(p.getBoolean("outliers.truncated")).isFalse();
    }

    @Test
    void narrowsToRegionsAndRanges() {
        JsonPath euWest = panels(Map.of("region", "eu-west-1"));
        assertThat(euWest.getLong(panel("vpc-changes") + ".total")).isEqualTo(1);
        assertThat(euWest.getLong(panel("console-auth-failures") + ".total")).isZero();

        JsonPath week = panels(Map.of("from", now.minus(Duration.ofDays(7)).toString(), "to", now.toString()));
        assertThat(week.getLong("bucketSeconds")).isEqualTo(3600);
        assertThat(week.getLong(panel("console-auth-failures") + ".total")).isEqualTo(4);

        JsonPath hour = panels(Map.of("from", now.minus(Duration.ofMinutes(45)).toString(), "bucket", "5m"));
        assertThat(hour.getLong("bucketSeconds")).isEqualTo(300);
        assertThat(hour.getLong(panel("vpc-changes") + ".total")).isEqualTo(1);
        assertThat(hour.getLong(panel("root-account-usage") + ".total")).isZero();
    }

    @Test
    void countsAFindingThatArrivesLateForAnHourTheDashboardAlreadyDrew() throws Exception {
        String late = TestSupport.uniqueAccount();
        // Minutes 10 to 12 of an hour five hours ago: one bucket of the day's series, one whole hour of both ranges.
        Instant hourAgo5 = now.minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(10));
        Map<String, String> week = Map.of("from", now.minus(Duration.ofDays(7)).toString(), "to", now.toString());
        String failures = panel("console-auth-failures");
        TestSupport.send(Topics.FINDINGS, late, lateFailure(late, hourAgo5, "alice").toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                panelsOf(late, week).getLong(failures + ".total")).isEqualTo(1));

        // The hour is now drawn (and kept); two findings of the same hour arrive late, from another principal, and
        // an outlier series point for a slice of it.
        TestSupport.send(Topics.FINDINGS, late, lateFailure(late, hourAgo5.plusSeconds(60), "mallory").toString());
        TestSupport.send(Topics.FINDINGS, late, lateFailure(late, hourAgo5.plusSeconds(120), "mallory").toString());
        String lateDetector = "outlier-late-" + late;
        TestSupport.send(Topics.METRICS, lateDetector, TestSupport.JSON.writeValueAsString(new SeriesPoint(
                SeriesPoint.seriesId(lateDetector, late), lateDetector, late, hourAgo5, 300, 3, 1.0, 0.5, 2.5, -0.5,
                true, true)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath p = panelsOf(late, week);
            assertThat(p.getList("outliers.series.find { it.detectorId == '" + lateDetector + "' }.points.value",
                    Long.class)).containsExactly(3L);
            assertThat(p.getLong(failures + ".total")).isEqualTo(3);
            assertThat(p.getString(failures + ".topPrincipals[0].value"))
                    .isEqualTo("arn:aws:iam::" + late + ":user/mallory");
            assertThat(p.getLong(failures + ".topPrincipals[0].count")).isEqualTo(2);
        });
        JsonPath day = panelsOf(late, Map.of());
        assertThat(day.getLong(failures + ".total")).isEqualTo(3);
        assertThat(day.getList(failures + ".series", Long.class)).contains(3L);
    }

    private ObjectNode lateFailure(String account, Instant time, String user) {
        ObjectNode f = finding(fid(), "cis-console-auth-failures", account, time);
        ((ObjectNode) f.get("principal")).put("arn", "arn:aws:iam::" + account + ":user/" + user)
                .put("userName", user);
        return f;
    }

    private static JsonPath panelsOf(String account, Map<String, String> params) {
        var request = viewer().queryParam("accountId", account);
        params.forEach(request::queryParam);
        return request.get("/api/v1/panels").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void refusesBadParametersNamingThem() {
        viewer().queryParam("bucket", "90s").get("/api/v1/panels").then().statusCode(400)
                .body("message", containsString("'bucket'"));
        viewer().queryParam("bucket", "often").get("/api/v1/panels").then().statusCode(400)
                .body("message", containsString("'bucket'"));
        viewer().queryParam("from", now.minus(Duration.ofDays(7)).toString()).queryParam("bucket", "1m")
                .get("/api/v1/panels").then().statusCode(400).body("message", containsString("'bucket'"));
        viewer().queryParam("from", now.toString()).queryParam("to", now.minusSeconds(60).toString())
                .get("/api/v1/panels").then().statusCode(400).body("message", containsString("'from'"));
        viewer().queryParam("from", now.minus(Duration.ofDays(500)).toString()).get("/api/v1/panels").then()
                .statusCode(400).body("message", containsString("400 days"));
    }
}
