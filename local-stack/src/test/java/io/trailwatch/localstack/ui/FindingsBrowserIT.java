package io.trailwatch.localstack.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The findings pages in a real browser: triage of one finding, bulk triage, and what a viewer may not do. */
class FindingsBrowserIT {

    @BeforeAll
    static void platform() {
        Browser.assumeAvailable();
        PagesFixture.load();
    }

    @Test
    void analystAcknowledgesAFindingWithACommentAndSeesItInTheHistory() {
        String id = PagesFixture.findingsOf("ui-pages-triage").get(0).get("findingId").asText();
        Browser.signIn("analyst");
        Browser.open("/findings/" + id);
        assertThat(Browser.waitFor(By.cssSelector("h1")).getText()).contains("Unauthorized API calls");
        assertThat(Browser.driver().findElement(By.id("history")).getText()).contains("Not triaged yet");

        WebElement form = Browser.driver().findElement(By.cssSelector("form.triage-form"));
        new Select(form.findElement(By.name("status"))).selectByValue("acknowledged");
        form.findElement(By.name("assignee")).sendKeys("analyst");
        form.findElement(By.name("comment")).sendKeys("Looking into it <b>now</b>");
        PagesFixture.submit(form.findElement(By.cssSelector("button[type=submit]")));

        WebElement history = Browser.waitFor(By.cssSelector("#history table.history"));
        assertThat(history.getText()).contains("analyst", "status", "open", "acknowledged", "assignee");
        assertThat(Browser.driver().findElement(By.id("finding-status")).getText()).isEqualTo("acknowledged");
        WebElement comment = Browser.driver().findElement(By.cssSelector("#comments .comment-text"));
        assertThat(comment.getText()).isEqualTo("Looking into it <b>now</b>");
        assertThat(comment.findElements(By.tagName("b"))).isEmpty();
        Browser.open("/findings/" + id);
        Browser.waitFor(By.cssSelector("form.triage-form"));
        Browser.screenshot("finding-detail");

        JsonNode stored = PagesFixture.finding(id);
        assertThat(stored.get("status").asText()).isEqualTo("acknowledged");
        assertThat(stored.get("assignee").asText()).isEqualTo("analyst");
        assertThat(stored.get("history").get(0).get("actor").asText()).isEqualTo("analyst");
        assertThat(stored.get("comments").get(0).get("text").asText()).isEqualTo("Looking into it <b>now</b>");
    }

    @Test
    void analystResolvesSeveralFindingsAtOnce() {
        List<String> ids = PagesFixture.findingsOf("ui-pages-bulk").stream()
                .map(f -> f.get("findingId").asText()).toList();
        assertThat(ids).hasSize(3);
        Browser.signIn("analyst");
        Browser.open("/findings?" + PagesFixture.RANGE + "&ruleId=cis-unauthorized-api-calls");
        WebElement bulk = Browser.waitFor(By.id("bulk-form"));
        for (String id : ids) {
            bulk.findElement(By.cssSelector("input[name=id][value='" + id + "']")).click();
        }
        assertThat(bulk.findElement(By.cssSelector("[data-bulk-count]")).getText()).isEqualTo("3 selected");
        PagesFixture.submit(bulk.findElement(By.cssSelector("button[name=status][value=resolved]")));

        assertThat(Browser.waitFor(By.cssSelector(".notice")).getText()).isEqualTo("3 findings marked resolved.");
        for (String id : ids) {
            WebElement row = Browser.driver().findElement(By.cssSelector("tr[data-finding-id='" + id + "']"));
            assertThat(row.findElement(By.cssSelector(".badge.status-resolved")).getText()).isEqualTo("resolved");
            JsonNode stored = PagesFixture.finding(id);
            assertThat(stored.get("status").asText()).isEqualTo("resolved");
            assertThat(stored.get("history").get(0).get("actor").asText()).isEqualTo("analyst");
        }
    }

    @Test
    void viewerSeesNoTriageControlsAndTheTriageEndpointRefusesThem() {
        JsonNode finding = PagesFixture.findingsOf("ui-pages-mallory").get(0);
        String id = finding.get("findingId").asText();
        Browser.signIn("viewer");
        Browser.open("/findings?" + PagesFixture.RANGE);
        Browser.waitFor(By.cssSelector("table.findings"));
        assertThat(Browser.driver().findElements(By.cssSelector("input[name=id]"))).isEmpty();
        assertThat(Browser.driver().findElements(By.cssSelector("button[name=status]"))).isEmpty();

        Browser.open("/findings/" + id);
        Browser.waitFor(By.id("triage"));
        assertThat(Browser.driver().findElements(By.cssSelector("form.triage-form"))).isEmpty();
        assertThat(Browser.driver().findElements(By.cssSelector("form[action*='/triage']"))).isEmpty();

        // A hand-made POST with a valid CSRF token (from the page's sign-out form) is refused for the role.
        Object status = ((JavascriptExecutor) Browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('form.logout input[type=hidden]');
                const body = new URLSearchParams();
                body.set(token.name, token.value);
                body.set('status', 'resolved');
                fetch(arguments[0], {method: 'POST', body: body, redirect: 'manual'})
                    .then(r => done(r.status), e => done(String(e)));
                """, "/findings/" + id + "/triage");
        assertThat(status).isEqualTo(403L);
        assertThat(PagesFixture.finding(id).get("status").asText()).isEqualTo(finding.get("status").asText());
    }
}
