package io.trailwatch.alert.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.contracts.Severity;
import java.net.URI;

/** One finding in a notification: firing or resolved, new since the group's last notification or not. */
public record NotifiedFinding(FindingFacts facts, boolean resolved, boolean isNew, URI url) {

    public String findingId() {
        return facts.findingId();
    }

    public JsonNode json() {
        return facts.json();
    }

    public Severity severity() {
        return facts.severity();
    }

    public String value(FindingField field) {
        return facts.value(field);
    }

    public String title() {
        return facts.value(FindingField.TITLE);
    }

    public String summary() {
        String summary = facts.json().path("summary").asText("");
        return summary.isBlank() ? title() : summary;
    }

    public String status() {
        return resolved ? "resolved" : "firing";
    }
}
