package io.trailwatch.rules.engine.pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** The empty pattern, which CloudWatch Logs defines as matching every event. */
final class MatchAll implements Condition {

    static final MatchAll INSTANCE = new MatchAll();

    private MatchAll() {
    }

    @Override
    public boolean test(JsonNode event) {
        return true;
    }
}
