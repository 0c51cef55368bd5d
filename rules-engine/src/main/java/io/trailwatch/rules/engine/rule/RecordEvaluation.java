package io.trailwatch.rules.engine.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The result of evaluating one record of a CloudTrail file: which enabled rules matched it.
 *
 * @param index 0-based position of the record in the file's Records array
 * @param matches the matching enabled rules, sorted by id
 */
public record RecordEvaluation(long index, JsonNode record, List<Rule> matches) {

    /** The record's eventID, or null when it has none. */
    public String eventID() {
        JsonNode id = record.get("eventID");
        return id != null && id.isTextual() ? id.textValue() : null;
    }

    /** The matching rules' ids, sorted. */
    public List<String> ruleIds() {
        return matches.stream().map(Rule::id).toList();
    }
}
