package io.trailwatch.alert.service;

import io.trailwatch.alert.config.AlertConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** POSTs a JSON payload and reports the receiver's answer; never follows redirects. */
@ApplicationScoped
public class WebhookSender {

    /** The receiver's answer: a status code, or the error that prevented one. */
    public record Outcome(Integer status, String error) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final AlertConfig config;

    public WebhookSender(AlertConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Outcome post(URI url, String json, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Trailwatch-Alert/0.1")
                .header("webhook-id", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(response.statusCode(),
                    response.statusCode() / 100 == 2 ? null : "receiver answered HTTP " + response.statusCode());
        } catch (IOException e) {
            return new Outcome(null, "cannot reach " + url.getHost() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        }
    }
}
