package io.trailwatch.rules.engine.rule;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a rule came from: the pack shipped in the jar, or the operator's custom rules directory. */
public enum RuleSource {
    BUILTIN("builtin"),
    CUSTOM("custom");

    private final String wireName;

    RuleSource(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
