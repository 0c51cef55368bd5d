package io.trailwatch.localstack.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The events pages in a real browser: search by principal and by address block, the detail with its pivots, and
 * attacker-controlled values (script and img-onerror payloads in userAgent and requestParameters) shown as text on
 * the events list, the event detail and the finding detail without running anything.
 */
class EventsBrowserIT {

    @BeforeAll
    static void platform() {
        Browser.assumeAvailable();
        PagesFixture.load();
    }

    @Test
    void searchByPrincipalListsOnlyThatPrincipalsEvents() {
        Browser.signIn("viewer");
        Browser.open("/events?range=7d");
        WebElement form = Browser.waitFor(By.cssSelector("form.filters"));
        form.findElement(By.name("principal")).sendKeys("ui-pages-alice");
        PagesFixture.submit(form.findElement(By.cssSelector("button[type=submit]")));

        List<WebElement> rows = Browser.waitFor(By.cssSelector("table.events")).findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains("ui-pages-alice"));
        assertThat(Browser.driver().getCurrentUrl()).contains("principal=ui-pages-alice");
    }

    @Test
    void searchByAddressBlockListsTheEventsFromInsideIt() {
        Browser.signIn("viewer");
        Browser.open("/events?" + PagesFixture.RANGE);
        WebElement form = Browser.waitFor(By.cssSelector("form.filters"));
        form.findElement(By.name("sourceIPAddress")).sendKeys("192.0.2.0/24");
        PagesFixture.submit(form.findElement(By.cssSelector("button[type=submit]")));

        List<String> addresses = Browser.waitFor(By.cssSelector("table.events"))
                .findElements(By.cssSelector("tbody tr td:nth-child(6)")).stream().map(WebElement::getText).toList();
        assertThat(addresses).containsExactlyInAnyOrder("192.0.2.66", "192.0.2.201", "192.0.2.200", "192.0.2.12",
                "192.0.2.11", "192.0.2.10");

        form = Browser.driver().findElement(By.cssSelector("form.filters"));
        form.findElement(By.name("sourceIPAddress")).clear();
        form.findElement(By.name("sourceIPAddress")).sendKeys("192.0.2.0/33");
        PagesFixture.submit(form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(Browser.waitFor(By.cssSelector(".error")).getText()).contains("192.0.2.0/33",
                "is not an address block");
    }

    @Test
    void eventDetailShowsTheRecordAndPivotsToThePrincipalAroundThatTime() {
        Browser.signIn("viewer");
        Browser.open("/events/" + PagesFixture.ALICE_FIRST_EVENT);
        String json = Browser.waitFor(By.id("event-json")).getText();
        assertThat(json).contains("\"eventName\" : \"ListBuckets\"", "\n  \"userIdentity\" : {");
        assertThat(Browser.driver().findElement(By.cssSelector("[data-copy-target='#event-json']")).getText())
                .isEqualTo("Copy JSON");

        PagesFixture.submit(Browser.driver().findElement(By.linkText("All events from this principal")));
        List<WebElement> rows = Browser.waitFor(By.cssSelector("table.events")).findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(Browser.driver().getCurrentUrl()).contains("principal=arn%3Aaws%3Aiam%3A%3A333333333333%3Auser"
                + "%2Fui-pages-alice", "from=", "to=");
    }

    @Test
    void attackerControlledValuesRenderAsTextAndRunNothing() {
        Browser.signIn("analyst");
        Browser.open("/events?" + PagesFixture.RANGE + "&principal=ui-pages-mallory");
        WebElement agent = Browser.waitFor(By.cssSelector("table.events td.event-user-agent"));
        assertThat(agent.getAttribute("textContent")).isEqualTo(PagesFixture.XSS_USER_AGENT);
        assertNothingRan();

        Browser.open("/events/" + PagesFixture.XSS_EVENT);
        assertThat(Browser.waitFor(By.id("event-user-agent")).getText()).isEqualTo(PagesFixture.XSS_USER_AGENT);
        assertThat(Browser.driver().findElement(By.id("event-json")).getText())
                .contains("\"bucketName\" : \"<img src=x onerror=\\\"window.__pwned = true\\\">\"",
                        "\"key\" : \"</pre><script>window.__pwned = true</script>\"");
        assertNothingRan();

        String finding = PagesFixture.findingsOf("ui-pages-mallory").get(0).get("findingId").asText();
        Browser.open("/findings/" + finding);
        assertThat(Browser.waitFor(By.id("finding-user-agent")).getText()).isEqualTo(PagesFixture.XSS_USER_AGENT);
        assertThat(Browser.driver().findElement(By.id("finding-event-json")).getText())
                .contains("</pre><script>window.__pwned = true</script>");
        assertNothingRan();
    }

    /** No payload became an element and none set its flag. */
    private static void assertNothingRan() {
        JavascriptExecutor js = (JavascriptExecutor) Browser.driver();
        assertThat(js.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(Browser.driver().findElements(By.cssSelector("img[src='x']"))).isEmpty();
        assertThat(js.executeScript("return Array.from(document.scripts).filter(s => s.textContent.includes("
                + "'__pwned')).length")).isEqualTo(0L);
    }
}
