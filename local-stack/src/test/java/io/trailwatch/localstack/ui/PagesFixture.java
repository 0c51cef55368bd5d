package io.trailwatch.localstack.ui;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The records the findings, events, rules and alerts browser tests work on, loaded once per JVM on top of the
 * dashboard fixture: account {@link #ACCOUNT} only, three days back (outside the dashboard's default 24 hours and
 * in no account the dashboard tests count), so they change none of the dashboard's totals.
 *
 * <ul>
 *   <li>{@code ui/findings-cloudtrail.json}: one denied call by {@code ui-pages-triage} (198.18.0.5) and three by
 *   {@code ui-pages-bulk} (192.0.2.10-12): four findings of cis-unauthorized-api-calls</li>
 *   <li>{@code ui/events-cloudtrail.json}: reads by {@code ui-pages-alice} from 192.0.2.200 and 203.0.113.77 (a
 *   minute apart) and by {@code ui-pages-carol} from 192.0.2.201; no findings</li>
 *   <li>{@code ui/xss-cloudtrail.json}: a denied GetObject by {@code ui-pages-mallory} (192.0.2.66) whose
 *   userAgent and requestParameters hold script and img-onerror payloads that would set
 *   {@code window.__pwned}; one finding</li>
 * </ul>
 */
final class PagesFixture {

    static final String ACCOUNT = "333333333333";
    /** The filters that show exactly this fixture on the list pages. */
    static final String RANGE = "range=7d&accountId=" + ACCOUNT;
    static final int EVENTS = 8;
    static final int FINDINGS = 5;
    static final String ALICE_FIRST_EVENT = "5b0e3a1c-0f4e-4d7e-9a41-7a1d00000011";
    static final String XSS_EVENT = "5b0e3a1c-0f4e-4d7e-9a41-7a1d00000021";
    static final String XSS_USER_AGENT =
            "<script>window.__pwned = true</script><img src=x onerror=\"window.__pwned = true\">";

    private static boolean loaded;

    private PagesFixture() {
    }

    /** The shared stack with this fixture loaded and visible in the query API. */
    static synchronized UiStack load() {
        UiStack stack = UiStack.get();
        if (!loaded) {
            for (String file : List.of("/ui/findings-cloudtrail.json", "/ui/events-cloudtrail.json",
                    "/ui/xss-cloudtrail.json")) {
                stack.upload(stack.withTimes(UiStack.resource(file)));
            }
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                    api(stack, "/api/v1/events").size() == EVENTS && api(stack, "/api/v1/findings").size() == FINDINGS);
            loaded = true;
        }
        return stack;
    }

    /** Clicks a button that submits a form or follows a link, and waits until the next page replaced this one. */
    static void submit(WebElement button) {
        WebElement page = Browser.driver().findElement(By.tagName("html"));
        button.click();
        Browser.waitUntilGone(page);
    }

    /** The fixture's findings raised by one principal (user name), as the API lists them. */
    static List<JsonNode> findingsOf(String userName) {
        List<JsonNode> found = new ArrayList<>();
        api(UiStack.get(), "/api/v1/findings").forEach(f -> {
            if (userName.equals(f.path("principal").path("userName").asText())) {
                found.add(f);
            }
        });
        return found;
    }

    /**
     * Every page a signed-in user opens: the five sections and the detail pages of a finding and of its event
     * (the newest finding of an event in the stack).
     */
    static List<String> signedInPages() {
        UiStack stack = UiStack.get();
        JsonNode finding = null;
        for (JsonNode item : stack.api("viewer", "/api/v1/findings", Map.of("limit", "100",
                "from", stack.now().minus(7, ChronoUnit.DAYS).toString())).get("items")) {
            if (finding == null && item.hasNonNull("eventID")) {
                finding = item;
            }
        }
        if (finding == null) {
            throw new IllegalStateException("no finding of an event in the stack for the detail pages");
        }
        return List.of("/", "/findings", "/events", "/rules", "/alerts",
                "/findings/" + URLEncoder.encode(finding.get("findingId").asText(), StandardCharsets.UTF_8),
                "/events/" + URLEncoder.encode(finding.get("eventID").asText(), StandardCharsets.UTF_8));
    }

    /** One finding as the API shows it (with comments and history). */
    static JsonNode finding(String findingId) {
        return UiStack.get().api("viewer", "/api/v1/findings/" + findingId, Map.of());
    }

    private static JsonNode api(UiStack stack, String path) {
        return stack.api("viewer", path, Map.of("accountId", ACCOUNT, "limit", "500",
                "from", stack.now().minus(7, ChronoUnit.DAYS).toString())).get("items");
    }
}
