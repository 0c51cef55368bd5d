package io.trailwatch.localstack.ui;

import static io.trailwatch.localstack.ui.UiStack.ACCOUNT_A;
import static io.trailwatch.localstack.ui.UiStack.ACCOUNT_B;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The CIS dashboard in a real browser against the four services with {@code ui/dashboard-cloudtrail.json} loaded:
 * every panel shows the fixture's totals, an account filter changes them and lives in the URL, a panel leads to
 * its events and to its findings, a sparkline shows its buckets under the pointer, and the map, the country table
 * and the outlier chart are drawn.
 */
class DashboardBrowserIT {

    @BeforeAll
    static void platform() {
        Browser.assumeAvailable();
        UiStack.get();
    }

    @BeforeEach
    void signedInAsViewer() {
        Browser.signIn("viewer");
    }

    /** Both fixture accounts: other browser tests upload records of their own accounts into the same stack. */
    private static final String FIXTURE_ACCOUNTS = "&accountId=" + ACCOUNT_A + "&accountId=" + ACCOUNT_B;

    private static void openDashboard(String query) {
        Browser.open("/" + query);
        Browser.waitUntil(ExpectedConditions.attributeToBe(By.tagName("body"), "data-dashboard-ready", "true"));
    }

    private static long total(String panelId) {
        return Long.parseLong(Browser.driver().findElement(By.cssSelector("#panel-" + panelId + " .panel-total"))
                .getText().strip());
    }

    @Test
    void everyPanelShowsTheFixtureTotalsWithItsChartMapAndOutliers() {
        openDashboard("?range=24h" + FIXTURE_ACCOUNTS);

        assertThat(Browser.driver().findElement(By.cssSelector("#section-access h2")).getText())
                .isEqualTo("Access and authentication");
        assertThat(Browser.driver().findElement(By.cssSelector("#section-configuration h2")).getText())
                .isEqualTo("Configuration changes");
        for (String panel : DashboardFixture.PANELS.keySet()) {
            assertThat(total(panel)).as(panel).isEqualTo(DashboardFixture.total(panel));
            assertThat(Browser.driver().findElements(By.cssSelector("#panel-" + panel + " .spark canvas")))
                    .as("time series of " + panel).isNotEmpty();
        }
        assertThat(Browser.driver().findElement(By.cssSelector("#panel-root-account-usage .highlight")).getText())
                .isEqualTo("Root console sign-ins: 2");

        Map<String, Integer> byCountry = Browser.driver()
                .findElements(By.cssSelector("#failed-login-countries tbody tr[data-country]")).stream()
                .collect(Collectors.toMap(row -> row.getAttribute("data-country"),
                        row -> Integer.parseInt(row.findElement(By.cssSelector("td.num")).getText())));
        assertThat(byCountry).isEqualTo(DashboardFixture.FAILED_BY_COUNTRY);
        assertThat(Browser.driver().findElement(By.cssSelector("#failed-login-countries tr[data-country='GB'] td"))
                .getText()).isEqualTo("United Kingdom (GB)");
        assertThat(Browser.driver().findElements(By.cssSelector("#failed-login-map canvas"))).isNotEmpty();

        JsonNode outliers = UiStack.get().panels(Map.of("from", UiStack.get().now().minusSeconds(86400).toString(),
                "accountId", ACCOUNT_A + "," + ACCOUNT_B)).get("outliers").get("series");
        int outlierPoints = 0;
        for (JsonNode series : outliers) {
            outlierPoints += series.get("outliers").asInt();
        }
        assertThat(outlierPoints).as("the spike of 8 failed logins after a quiet baseline is an outlier")
                .isPositive();
        assertThat(Browser.driver().findElement(By.id("outlier-count")).getText())
                .isEqualTo(String.valueOf(outlierPoints));
        assertThat(Browser.driver().findElements(By.cssSelector("#outlier-chart canvas"))).isNotEmpty();

        Browser.screenshot("dashboard-1366x768");
        try {
            long height = (Long) Browser.driver().executeScript("return document.documentElement.scrollHeight;");
            Browser.resize(1366, (int) height);
            Browser.waitUntil(d -> Boolean.TRUE.equals(Browser.driver().executeScript(
                    "return window.innerHeight === arguments[0];", height)));
            Browser.screenshot("dashboard-full-1366");
            Browser.resize(3840, 2160);
            Browser.waitUntil(d -> Boolean.TRUE.equals(Browser.driver().executeScript(
                    "return window.innerWidth >= 3800;")));
            Browser.screenshot("dashboard-3840x2160");
        } finally {
            Browser.resetSize();
        }
    }

    @Test
    void hoveringASparklineShowsTheBucketUnderThePointerAndItsCount() {
        openDashboard("?range=24h" + FIXTURE_ACCOUNTS);
        // The fullest bucket of the failed console logins, from the numbers the page draws.
        @SuppressWarnings("unchecked")
        List<Number> peak = (List<Number>) Browser.driver().executeScript("""
                const data = JSON.parse(document.getElementById('dashboard-data').getAttribute('data-json'));
                const values = data.series['console-auth-failures'];
                return [values.indexOf(Math.max(...values)), values.length];""");
        WebElement canvas = Browser.driver().findElement(By.cssSelector("#panel-console-auth-failures .spark canvas"));
        int width = canvas.getSize().getWidth();
        double x = 2 + peak.get(0).doubleValue() * (width - 4) / (peak.get(1).doubleValue() - 1);
        new Actions(Browser.driver()).moveToElement(canvas, (int) Math.round(x - width / 2.0), 0).perform();

        WebElement tip = Browser.driver().findElement(By.cssSelector(".spark-tip"));
        Browser.waitUntil(ExpectedConditions.visibilityOf(tip));
        String[] lines = tip.getText().split("\n");
        @SuppressWarnings("unchecked")
        List<Number> shown = (List<Number>) Browser.driver().executeScript("""
                const data = JSON.parse(document.getElementById('dashboard-data').getAttribute('data-json'));
                const i = data.buckets.findIndex(b => window.Trailwatch.formatTime(new Date(b)) === arguments[0]);
                return [i, i < 0 ? -1 : data.series['console-auth-failures'][i]];""", lines[0]);
        assertThat(shown.get(0).intValue()).as("bucket shown for '%s'", lines[0])
                .isBetween(peak.get(0).intValue() - 1, peak.get(0).intValue() + 1);
        assertThat(lines[1]).isEqualTo(shown.get(1).intValue() + " findings");

        new Actions(Browser.driver()).moveToElement(
                Browser.driver().findElement(By.cssSelector("#section-access h2"))).perform();
        Browser.waitUntil(ExpectedConditions.invisibilityOf(tip));
    }

    @Test
    void filteringByAccountChangesTheTotalsAndKeepsTheFilterInTheUrl() {
        openDashboard("?range=24h" + FIXTURE_ACCOUNTS);
        // A full page load would start a new window object without this flag: the filter updates the page in place.
        Browser.driver().executeScript("window.twSamePage = true;");
        new Select(Browser.driver().findElement(By.id("filter-account"))).deselectByValue(ACCOUNT_B);
        Browser.driver().findElement(By.id("apply-filters")).click();
        Browser.waitUntil(ExpectedConditions.urlContains("accountId=" + ACCOUNT_A));
        Browser.waitUntil(ExpectedConditions.attributeToBe(By.tagName("body"), "data-dashboard-ready", "true"));

        URI url = URI.create(Browser.driver().getCurrentUrl());
        assertThat(params(url)).contains("range=24h", "accountId=" + ACCOUNT_A)
                .doesNotContain("accountId=" + ACCOUNT_B).noneMatch(p -> p.startsWith("from="));
        for (String panel : DashboardFixture.PANELS.keySet()) {
            assertThat(total(panel)).as(panel + " of account A").isEqualTo(DashboardFixture.total(panel, ACCOUNT_A));
        }
        assertThat(Browser.driver().executeScript("return window.twSamePage === true;")).as("updated in place")
                .isEqualTo(true);
        assertThat(new Select(Browser.driver().findElement(By.id("filter-account"))).getAllSelectedOptions())
                .extracting(WebElement::getText).containsExactly(ACCOUNT_A);

        // Back: both accounts again, still in place.
        Browser.driver().navigate().back();
        Browser.waitUntil(ExpectedConditions.urlContains("accountId=" + ACCOUNT_B));
        Browser.waitUntil(d -> {
            try {
                return total("console-auth-failures") == DashboardFixture.total("console-auth-failures");
            } catch (StaleElementReferenceException replacedMeanwhile) {
                return false;
            }
        });
        Browser.waitUntil(ExpectedConditions.attributeToBe(By.tagName("body"), "data-dashboard-ready", "true"));
        assertThat(Browser.driver().executeScript("return window.twSamePage === true;")).isEqualTo(true);

        // The same view from a bookmark: account B only.
        openDashboard("?range=24h&accountId=" + ACCOUNT_B);
        assertThat(total("console-auth-failures")).isEqualTo(DashboardFixture.total("console-auth-failures",
                ACCOUNT_B));
        assertThat(total("organizations-changes")).isEqualTo(1);
        assertThat(total("aws-config-changes")).isZero();
        assertThat(new Select(Browser.driver().findElement(By.id("filter-account"))).getAllSelectedOptions())
                .extracting(WebElement::getText).containsExactly(ACCOUNT_B);
    }

    @Test
    void clickingAPanelListsItsEvents() {
        openDashboard("?range=24h&accountId=" + ACCOUNT_A);
        Browser.driver().findElement(By.cssSelector("#panel-console-auth-failures .panel-title")).click();
        Browser.waitUntil(ExpectedConditions.urlContains("/events?"));

        URI url = URI.create(Browser.driver().getCurrentUrl());
        List<String> params = params(url);
        assertThat(url.getPath()).isEqualTo("/events");
        assertThat(params).contains("ruleId=cis-console-auth-failures", "accountId=" + ACCOUNT_A);
        assertThat(params).anyMatch(p -> p.startsWith("from=")).anyMatch(p -> p.startsWith("to="));

        int expected = DashboardFixture.total("console-auth-failures", ACCOUNT_A);
        List<WebElement> rows = Browser.waitUntil(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("table.grid tbody tr"));
            return found.isEmpty() ? null : found;
        });
        assertThat(rows).hasSize(expected);
        assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains("ConsoleLogin", ACCOUNT_A));

        Map<String, String> api = params.stream().map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1], (a, b) -> a + "," + b));
        api.put("limit", "500");
        assertThat(UiStack.get().api("viewer", "/api/v1/events", api).get("items")).hasSize(expected);
    }

    @Test
    void aPanelsFindingsLinkListsTheFindingsItCounts() {
        openDashboard("?range=24h&accountId=" + ACCOUNT_A);
        long shown = total("console-auth-failures");
        Browser.driver().findElement(By.id("panel-console-auth-failures-findings")).click();
        Browser.waitUntil(ExpectedConditions.urlContains("/findings?"));

        URI url = URI.create(Browser.driver().getCurrentUrl());
        assertThat(url.getPath()).isEqualTo("/findings");
        assertThat(params(url)).contains("ruleId=cis-console-auth-failures", "accountId=" + ACCOUNT_A);
        List<WebElement> rows = Browser.waitUntil(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("table.findings tbody tr[data-finding-id]"));
            return found.isEmpty() ? null : found;
        });
        assertThat(rows).hasSize((int) shown);
        assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains(ACCOUNT_A));
    }

    @Test
    void customRangeFromTheFormIsBookmarkable() {
        openDashboard("?range=24h" + FIXTURE_ACCOUNTS);
        String from = UiStack.get().now().minusSeconds(125 * 60).toString().substring(0, 16);
        String to = UiStack.get().now().minusSeconds(60 * 60).toString().substring(0, 16);
        setValue("filter-from", from);
        setValue("filter-to", to);
        Browser.driver().findElement(By.id("apply-filters")).click();
        Browser.waitUntil(ExpectedConditions.urlContains("from="));
        Browser.waitUntil(ExpectedConditions.attributeToBe(By.tagName("body"), "data-dashboard-ready", "true"));

        assertThat(params(URI.create(Browser.driver().getCurrentUrl())))
                .contains("from=" + from, "to=" + to).noneMatch(p -> p.startsWith("range="));
        // In [now-125m, now-60m): A's 13 baseline failures and the spike of 8, and B's failures at -100m and -80m.
        assertThat(total("console-auth-failures")).isEqualTo(23);
        assertThat(total("organizations-changes")).isZero();
    }

    @Test
    void autoRefreshChoiceIsKeptInTheUrl() {
        openDashboard("?range=1h");
        new Select(Browser.driver().findElement(By.id("auto-refresh"))).selectByValue("300");
        Browser.waitUntil(ExpectedConditions.urlContains("refresh=300"));
        Browser.driver().findElement(By.cssSelector("[data-range='24h']")).click();
        Browser.waitUntil(ExpectedConditions.urlContains("range=24h"));
        assertThat(Browser.driver().getCurrentUrl()).contains("refresh=300");
        assertThat(new Select(Browser.driver().findElement(By.id("auto-refresh"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("300");
        assertThat(Browser.driver().findElement(By.id("last-updated")).getAttribute("datetime")).isNotBlank();
    }

    private static void setValue(String id, String value) {
        Browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private static List<String> params(URI url) {
        return Arrays.stream(url.getRawQuery().split("&"))
                .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8)).toList();
    }
}
