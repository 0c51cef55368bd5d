package io.trailwatch.localstack.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What the check needs of a finding on trailwatch.findings: its rule, the record it is about (per-record rules) or
 * the time slice it judged (outlier detectors), and the account.
 *
 * @param eventId    null for findings about a time slice
 * @param sliceStart null for findings about one record
 */
public record ObservedFinding(String findingId, String ruleId, String eventId, String accountId, Instant eventTime,
                              Instant sliceStart, Instant sliceEnd) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads a Finding's JSON; a message that is not one is reported, naming what is missing. */
    public static ObservedFinding parse(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("a message on trailwatch.findings is not JSON: " + e.getMessage(), e);
        }
        String findingId = node.path("findingId").asText(null);
        String ruleId = node.path("ruleId").asText(null);
        if (findingId == null || ruleId == null) {
            throw new IllegalArgumentException("a message on trailwatch.findings has no findingId or ruleId: "
                    + abbreviate(json));
        }
        JsonNode outlier = node.path("outlier");
        return new ObservedFinding(findingId, ruleId, node.path("eventID").asText(null),
                node.path("accountId").asText(null), time(node.path("eventTime")), time(outlier.path("sliceStart")),
                time(outlier.path("sliceEnd")));
    }

    private static Instant time(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String abbreviate(String json) {
        return json.length() <= 200 ? json : json.substring(0, 200) + "...";
    }
}
