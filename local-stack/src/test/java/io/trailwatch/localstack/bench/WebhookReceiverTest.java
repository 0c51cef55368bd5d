package io.trailwatch.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void notesWhenEachFindingOfANotificationFirstArrived() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long before = System.currentTimeMillis();
            assertThat(post(receiver, """
                    {"version":"1","type":"notification","findings":[
                      {"findingId":"f-1","ruleId":"cis-root-account-usage","eventID":"e-1"},
                      {"findingId":"f-2","ruleId":"outlier-console-auth-failures","eventID":null}]}
                    """)).isEqualTo(204);
            long first = receiver.arrival("cis-root-account-usage", "e-1");
            assertThat(first).isBetween(before, System.currentTimeMillis());
            Thread.sleep(5);
            post(receiver, "{\"findings\":[{\"ruleId\":\"cis-root-account-usage\",\"eventID\":\"e-1\"}]}");

            assertThat(receiver.arrival("cis-root-account-usage", "e-1")).isEqualTo(first);
            assertThat(receiver.arrival("cis-root-account-usage", "e-2")).isNull();
            assertThat(receiver.notifications()).isEqualTo(2);
            assertThat(receiver.findings()).isEqualTo(3);
            assertThat(receiver.unreadable()).isZero();
        }
    }

    @Test
    void aBodyThatIsNotJsonIsCountedAndAnswered() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            assertThat(post(receiver, "not json")).isEqualTo(204);
            assertThat(receiver.unreadable()).isEqualTo(1);
            assertThat(receiver.findings()).isZero();
        }
    }

    private static int post(WebhookReceiver receiver, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(receiver.url()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
