package io.trailwatch.rules.engine.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** A compiled (sub-)expression of a JSON filter pattern. Immutable and thread-safe. */
interface Condition {

    boolean test(JsonNode event);

    /**
     * The values that top-level {@code field} must equal (as a JSON string) for this condition to hold, or
     * null when the condition does not pin the field down. Used to index rules by eventName/eventSource.
     */
    default Set<String> requiredValues(String field) {
        return null;
    }

    /**
     * A selector that must resolve to a present field for this condition to hold, or null when there is
     * none. Lets an {@code ||} chain whose alternatives all need the same field check it once.
     */
    default Selector requiredSelector() {
        return null;
    }
}
