package io.trailwatch.alert.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.contracts.Severity;

/** A finding as alert-service sees it: its id, its JSON and its severity, with field look-ups for routing. */
public record FindingFacts(String findingId, JsonNode json, Severity severity) {

    /** Reads a finding from its JSON; fails with a message saying what is missing. */
    public static FindingFacts of(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a finding must be a JSON object");
        }
        String id = json.path("findingId").asText("");
        if (id.isBlank()) {
            throw new IllegalArgumentException("the finding has no findingId");
        }
        Severity severity;
        try {
            severity = Severity.fromWire(json.path("severity").asText(null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("finding " + id + ": " + e.getMessage());
        }
        return new FindingFacts(id, json, severity);
    }

    public String value(FindingField field) {
        return field.valueIn(json);
    }
}
