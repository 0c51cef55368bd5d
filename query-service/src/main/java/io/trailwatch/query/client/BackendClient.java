package io.trailwatch.query.client;

import io.trailwatch.common.rest.ApiException;
import io.trailwatch.query.config.QueryConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Calls another Trailwatch service's REST API with this service's own credentials (HTTP Basic), for the UI, whose
 * only backend is query-service. Status and body come back as the backend sent them; a backend that cannot be
 * reached, does not answer in time, or refuses our credentials is a 502 naming the service.
 */
public final class BackendClient {

    /** What the backend answered. */
    public record Answer(int status, Optional<String> contentType, Optional<String> location, byte[] body) {
    }

    private final String service;
    private final String configPrefix;
    private final QueryConfig.Backend config;
    private final HttpClient http;

    public BackendClient(String service, String configPrefix, QueryConfig.Backend config) {
        this.service = service;
        this.configPrefix = configPrefix;
        this.config = config;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String service() {
        return service;
    }

    /** The backend's base URL without a trailing slash. */
    public String baseUrl() {
        String url = config.url().filter(u -> !u.isBlank()).orElseThrow(() -> new ApiException(502, "bad_gateway",
                service + " is not configured: set " + configPrefix + ".url"));
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Sends {@code method} to {@code pathAndQuery} (already URL-encoded, starting with {@code /}).
     *
     * @param actingUser who is acting, passed as X-Trailwatch-Acting-User for the backend's records
     */
    public Answer call(String method, String pathAndQuery, String contentType, String accept, byte[] body,
                       String actingUser) {
        String base = baseUrl();
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        } catch (IllegalArgumentException e) {
            throw new ApiException(502, "bad_gateway", service + " URL " + base + " (" + configPrefix
                    + ".url) is not a valid URL");
        }
        request.timeout(config.requestTimeout())
                .header("X-Trailwatch-Acting-User", actingUser)
                .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null && body != null && body.length > 0) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        config.password().filter(p -> !p.isBlank()).ifPresent(password -> request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((config.user() + ":" + password)
                .getBytes(StandardCharsets.UTF_8))));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ApiException(502, "bad_gateway", service + " at " + base + " did not answer within "
                    + config.requestTimeout().toSeconds() + " s");
        } catch (ConnectException e) {
            throw new ApiException(502, "bad_gateway", service + " is unreachable at " + base
                    + " (connection refused or timed out)");
        } catch (IOException e) {
            throw new ApiException(502, "bad_gateway", service + " at " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(502, "bad_gateway", "interrupted while calling " + service);
        }
        if (response.statusCode() == 401) {
            throw new ApiException(502, "bad_gateway", service + " refused query-service's credentials: check "
                    + configPrefix + ".user and " + configPrefix + ".password");
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type"),
                response.headers().firstValue("Location"), response.body());
    }
}
