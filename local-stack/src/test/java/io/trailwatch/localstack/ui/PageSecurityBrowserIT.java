package io.trailwatch.localstack.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every page carries the Content-Security-Policy (no inline script or style allowed) and the other security
 * headers, and renders without inline scripts, inline event handlers or style attributes, which that policy would
 * block. Also: sign-in, its error message, sign-out, the redirect of signed-out page requests, and the theme.
 */
class PageSecurityBrowserIT {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER_OR_STYLE = Pattern.compile("<[a-z][^>]*\\s(on[a-z]+|style)\\s*=",
            Pattern.CASE_INSENSITIVE);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void platform() {
        Browser.assumeAvailable();
        UiStack.get();
    }

    @Test
    void everyPageHasTheSecurityHeadersAndNoInlineScriptOrStyle() throws Exception {
        UiStack stack = UiStack.get();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + stack.password("admin"))
                .getBytes(StandardCharsets.UTF_8));
        List<String> signedIn = PagesFixture.signedInPages();
        List<String> pages = new ArrayList<>(signedIn);
        pages.add("/login");
        for (String page : pages) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + page)).GET();
            if (!page.equals("/login")) {
                request.header("Authorization", basic);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(page).contains(CSP);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(page).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(page).contains("same-origin");
            assertThat(response.headers().firstValue("Content-Type")).as(page).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(INLINE_SCRIPT.matcher(response.body()).find()).as("inline <script> on " + page).isFalse();
            assertThat(HANDLER_OR_STYLE.matcher(response.body()).find()).as("on*= or style= on " + page).isFalse();
        }

        Browser.signIn("admin");
        for (String page : signedIn) {
            Browser.open(page);
            Browser.waitFor(By.cssSelector(".topbar"));
            Object inline = Browser.driver().executeScript("""
                    const bad = [];
                    document.querySelectorAll('script:not([src])').forEach(s => bad.push('script'));
                    document.querySelectorAll('*').forEach(e => { for (const a of e.attributes) {
                      if (a.name.startsWith('on')) { bad.push(e.tagName + ' ' + a.name); } } });
                    return bad.join(', ');""");
            // Style attributes are fine here: scripts set them through the CSSOM, which the policy allows.
            assertThat(inline).as("inline code in the DOM of " + page).isEqualTo("");
        }
    }

    @Test
    void signInShowsErrorsAndSignOutEndsTheSession() {
        if (Browser.signedInAs() != null) {
            Browser.signOut();
        }
        Browser.open("/findings");
        Browser.waitUntil(ExpectedConditions.urlContains("/login"));

        Browser.driver().findElement(By.name("j_username")).sendKeys("analyst");
        Browser.driver().findElement(By.name("j_password")).sendKeys("wrong password");
        Browser.driver().findElement(By.id("sign-in")).click();
        Browser.waitUntil(ExpectedConditions.urlContains("error=true"));
        assertThat(Browser.waitFor(By.id("login-error")).getText()).contains("Sign-in failed");

        Browser.signIn("analyst");
        assertThat(Browser.driver().findElement(By.cssSelector(".topbar .user-name")).getText()).isEqualTo("analyst");
        assertThat(Browser.driver().findElement(By.cssSelector(".topbar .badge.role")).getText())
                .isEqualToIgnoringCase("analyst");
        assertThat(Browser.driver().findElements(By.cssSelector(".mainnav a"))).extracting(e -> e.getText())
                .containsExactly("Dashboard", "Findings", "Events", "Rules", "Alerts");

        Browser.signOut();
        Browser.open("/");
        Browser.waitUntil(ExpectedConditions.urlContains("/login"));
        assertThat(Browser.driver().findElements(By.id("login-form"))).isNotEmpty();
    }

    @Test
    void themeDefaultsToDarkAndTheLightChoiceIsRemembered() {
        Browser.signIn("viewer");
        Browser.open("/");
        Browser.waitFor(By.cssSelector("[data-theme-toggle]"));
        String html = "return document.documentElement.getAttribute('data-theme');";
        Browser.driver().executeScript("localStorage.removeItem('tw-theme'); document.cookie = 'tw-theme=; path=/; max-age=0';");
        Browser.driver().navigate().refresh();
        Browser.waitFor(By.cssSelector("[data-theme-toggle]"));
        assertThat(Browser.driver().executeScript(html)).isEqualTo("dark");
        try {
            Browser.driver().findElement(By.cssSelector("[data-theme-toggle]")).click();
            assertThat(Browser.driver().executeScript(html)).isEqualTo("light");
            Browser.driver().navigate().refresh();
            Browser.waitFor(By.cssSelector("[data-theme-toggle]"));
            assertThat(Browser.driver().executeScript(html)).isEqualTo("light");
            Browser.screenshot("dashboard-light-1366x768");
        } finally {
            Browser.driver().executeScript("localStorage.removeItem('tw-theme'); document.cookie = 'tw-theme=; path=/; max-age=0';");
        }
    }
}
