package io.trailwatch.localstack.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The alerts page in a real browser: a channel created through the API is listed and an admin sends it a test
 * notification (to a real HTTP receiver on loopback); an analyst manages silences but sees no channel or route
 * controls, and alert-service's validation messages are shown at the form.
 */
class AlertsBrowserIT {

    private static final String CHANNEL = "ui-test-hook";
    private static HttpServer receiver;
    private static final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void platform() throws IOException {
        Browser.assumeAvailable();
        UiStack.get();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void adminSeesAChannelCreatedThroughTheApiAndSendsItATest() throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(UiStack.get().baseUrl() + "/api/v1/alerts/channels"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + UiStack.get().password("admin")).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + CHANNEL + "\", \"type\": \"webhook\", "
                        + "\"url\": \"" + url + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        Browser.signIn("admin");
        Browser.open("/alerts");
        WebElement row = Browser.waitFor(By.cssSelector("tr[data-channel='" + CHANNEL + "']"));
        assertThat(row.getText()).contains("webhook", url);
        PagesFixture.submit(row.findElement(By.cssSelector("button[data-test-channel]")));

        WebElement result = Browser.waitFor(By.id("test-result"));
        assertThat(result.getText()).contains(CHANNEL, "delivered", "receiver answered HTTP 204");
        assertThat(received).hasSize(1);
        assertThat(Browser.driver().findElement(By.cssSelector("table.deliveries")).getText())
                .contains(CHANNEL, "test", "delivered");
    }

    @Test
    void analystManagesSilencesButSeesNoChannelOrRouteControls() {
        Browser.signIn("analyst");
        Browser.open("/alerts");
        Browser.waitFor(By.id("silences"));
        assertThat(Browser.driver().findElements(By.id("new-channel"))).isEmpty();
        assertThat(Browser.driver().findElements(By.id("new-route"))).isEmpty();
        assertThat(Browser.driver().findElements(By.cssSelector("button[data-test-channel]"))).isEmpty();

        // alert-service refuses a duration it cannot read; its message is shown at the form, the input kept.
        Browser.driver().findElement(By.cssSelector("details.create summary")).click();
        WebElement form = Browser.driver().findElement(By.id("new-silence"));
        form.findElements(By.name("value")).get(0).sendKeys(PagesFixture.ACCOUNT);
        WebElement duration = form.findElement(By.name("duration"));
        duration.clear();
        duration.sendKeys("soon");
        form.findElement(By.name("comment")).sendKeys("browser test window");
        PagesFixture.submit(form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(Browser.waitFor(By.cssSelector("#silences .error")).getText()).contains("soon");
        form = Browser.driver().findElement(By.id("new-silence"));
        assertThat(form.findElements(By.name("value")).get(0).getAttribute("value")).isEqualTo(PagesFixture.ACCOUNT);

        duration = form.findElement(By.name("duration"));
        duration.clear();
        duration.sendKeys("1h");
        PagesFixture.submit(form.findElement(By.cssSelector("button[type=submit]")));
        WebElement silence = Browser.waitFor(By.xpath("//table[contains(@class,'silences')]//tr[td[contains(.,"
                + "'accountId = " + PagesFixture.ACCOUNT + "')]]"));
        assertThat(silence.getText()).contains("active", "browser test window");

        PagesFixture.submit(silence.findElement(By.xpath(".//button[text()='Expire now']")));
        silence = Browser.waitFor(By.xpath("//table[contains(@class,'silences')]//tr[td[contains(.,'accountId = "
                + PagesFixture.ACCOUNT + "')]]"));
        assertThat(silence.getText()).contains("expired");
    }

    @Test
    void viewerReadsTheAlertConfigurationOnly() {
        Browser.signIn("viewer");
        Browser.open("/alerts");
        Browser.waitFor(By.id("deliveries"));
        assertThat(Browser.driver().findElements(By.cssSelector("#channels form, #routes form, #silences form")))
                .isEmpty();
    }
}
