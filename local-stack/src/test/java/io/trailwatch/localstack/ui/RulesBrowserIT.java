package io.trailwatch.localstack.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The rules page in a real browser: rules-service's rules with their status, and "try a pattern". */
class RulesBrowserIT {

    @BeforeAll
    static void platform() {
        Browser.assumeAvailable();
        UiStack.get();
    }

    @Test
    void viewerSeesTheRulesWithTheirStatusButCannotTryPatterns() {
        Browser.signIn("viewer");
        Browser.open("/rules");
        WebElement rules = Browser.waitFor(By.cssSelector("table.rules"));
        WebElement root = rules.findElement(By.xpath(".//tr[td[1]//a[text()='cis-root-account-usage']]"));
        assertThat(root.getText()).contains("Root user activity", "enabled");
        WebElement tuned = rules.findElement(By.xpath(".//tr[td[1]//a[text()='cis-root-account-usage-tuned']]"));
        assertThat(tuned.getText()).contains("disabled", "tuned variant of cis-root-account-usage");
        assertThat(Browser.driver().findElement(By.cssSelector("table.detectors")).getText())
                .contains("outlier-console-auth-failures");
        assertThat(Browser.driver().findElements(By.cssSelector("form.pattern-form"))).isEmpty();
        assertThat(Browser.driver().findElement(By.id("try-pattern")).getText()).contains("needs the analyst role");
    }

    @Test
    void tryingAPatternShowsWhichEventsMatchOrWhereThePatternIsWrong() {
        Browser.signIn("analyst");
        Browser.open("/rules");
        WebElement form = Browser.waitFor(By.cssSelector("form.pattern-form"));
        form.findElement(By.name("pattern")).sendKeys("{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed "
                + "authentication\") }");
        form.findElement(By.name("events")).sendKeys("[{\"eventID\": \"e-1\", \"eventName\": \"ConsoleLogin\", "
                + "\"errorMessage\": \"Failed authentication\"}, {\"eventID\": \"e-2\", \"eventName\": \"StopLogging\"}]");
        PagesFixture.submit(form.findElement(By.cssSelector("button[type=submit]")));

        WebElement result = Browser.waitFor(By.id("pattern-result"));
        assertThat(result.findElement(By.cssSelector(".notice")).getText()).isEqualTo("1 of 2 events match.");
        assertThat(result.findElement(By.cssSelector("tr.match")).getText()).contains("e-1", "ConsoleLogin", "match");
        assertThat(result.findElement(By.cssSelector("tr.no-match")).getText()).contains("e-2", "StopLogging");

        form = Browser.driver().findElement(By.cssSelector("form.pattern-form"));
        WebElement pattern = form.findElement(By.name("pattern"));
        pattern.clear();
        pattern.sendKeys("{ $.eventName = }");
        PagesFixture.submit(form.findElement(By.cssSelector("button[type=submit]")));

        result = Browser.waitFor(By.id("pattern-result"));
        assertThat(result.findElement(By.cssSelector(".error")).getText())
                .contains("invalid filter pattern at column 17", "(line 1, column 17)");
        assertThat(result.findElement(By.cssSelector("pre.pattern-excerpt")).getText())
                .isEqualTo("{ $.eventName = }\n                ^");
    }
}
