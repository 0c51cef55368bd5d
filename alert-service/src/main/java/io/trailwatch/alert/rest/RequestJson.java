package io.trailwatch.alert.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.common.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/** Parses request bodies, so a syntax error is reported with where it is rather than a bare 400. */
@ApplicationScoped
public class RequestJson {

    private final ObjectMapper mapper;

    public RequestJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as JSON; null when it is empty. */
    public JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }
}
