package io.trailwatch.query.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.query.client.BackendClient;
import java.nio.charset.StandardCharsets;

/**
 * What rules-service or alert-service answered a page, as JSON, or why there is no answer. A backend that cannot be
 * reached becomes a reply with status 502 and the client's message (naming the service), so a page can show it in
 * place of the missing part instead of failing as a whole.
 *
 * @param json the body; {@link MissingNode} when there is none or it is not JSON
 */
record BackendReply(int status, JsonNode json, String message) {

    /** Strict: text after the first JSON value is an error, so pasted lines are never silently dropped. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Calls {@code backend} as {@code actingUser} (passed on as X-Trailwatch-Acting-User, like the API proxies do).
     *
     * @param body JSON to send, or null
     */
    static BackendReply call(BackendClient backend, String method, String path, JsonNode body, String actingUser) {
        BackendClient.Answer answer;
        try {
            answer = backend.call(method, path, body == null ? null : "application/json", "application/json",
                    body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8), actingUser);
        } catch (ApiException e) {
            return new BackendReply(e.status(), MissingNode.getInstance(), e.getMessage());
        }
        JsonNode json = MissingNode.getInstance();
        if (answer.body().length > 0) {
            try {
                json = MAPPER.readTree(answer.body());
            } catch (java.io.IOException e) {
                json = MissingNode.getInstance();
            }
        }
        String message = null;
        if (answer.status() >= 300) {
            String text = json.path("message").asText("");
            message = text.isBlank() ? backend.service() + " answered HTTP " + answer.status() : text;
        }
        return new BackendReply(answer.status(), json == null ? MissingNode.getInstance() : json, message);
    }

    static BackendReply get(BackendClient backend, String path, String actingUser) {
        return call(backend, "GET", path, null, actingUser);
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** Reads a JSON text a user typed into a form; the message names the field. */
    static JsonNode parseField(String field, String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("'" + field + "' is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
