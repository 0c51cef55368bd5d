package io.trailwatch.simulator.sink;

import io.trailwatch.simulator.delivery.LogFile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * POSTs each gzipped file to the collector's intake, {@code <base>/api/v1/intake/cloudtrail}, with
 * {@code Content-Type: application/json}, {@code Content-Encoding: gzip} and HTTP Basic credentials.
 */
public final class HttpIntakeSink implements LogFileSink {

    public static final String INTAKE_PATH = "/api/v1/intake/cloudtrail";

    private final URI intake;
    private final String user;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param base     the collector's base URL, e.g. {@code http://127.0.0.1:8081}
     * @param user     HTTP Basic user
     * @param password HTTP Basic password (never logged)
     */
    public HttpIntakeSink(URI base, String user, String password, Duration timeout) {
        Objects.requireNonNull(base, "base");
        if (base.getHost() == null || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
            throw new IllegalArgumentException("intake base URL '" + base + "' is not an http(s) URL with a host");
        }
        if (user == null || user.isEmpty() || user.contains(":")) {
            throw new IllegalArgumentException("the intake user must be a non-empty name without ':'");
        }
        if (password == null) {
            throw new IllegalArgumentException("a password for intake user '" + user + "' is required");
        }
        String text = base.toString();
        this.intake = URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + INTAKE_PATH);
        this.user = user;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public void deliver(LogFile file) throws SinkException {
        HttpRequest request = HttpRequest.newBuilder(intake).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file.content()))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SinkException("POST " + intake + " failed: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException("interrupted while posting to " + intake, false, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String body = response.body() == null ? "" : response.body().strip();
        if (body.length() > 300) {
            body = body.substring(0, 300) + "...";
        }
        if (status == 401 || status == 403) {
            throw new SinkException(intake + " refused the credentials of user '" + user + "' (HTTP " + status + ")",
                    false);
        }
        boolean retryable = status >= 500 || status == 429 || status == 408;
        throw new SinkException(intake + " answered HTTP " + status + (body.isEmpty() ? "" : ": " + body),
                retryable);
    }

    @Override
    public String describe() {
        return "HTTP intake " + intake;
    }
}
