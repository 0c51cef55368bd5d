package io.trailwatch.rules.engine.pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** The postfix tests {@code IS NULL}, {@code NOT EXISTS}, {@code IS TRUE} and {@code IS FALSE}. */
final class FieldTest implements Condition {

    enum Kind {
        /** The field is present and JSON {@code null}. */
        IS_NULL,
        /** The field is absent (a present null, object or array exists). */
        NOT_EXISTS,
        /** The field is the JSON boolean {@code true} (not the string "true"). */
        IS_TRUE,
        /** The field is the JSON boolean {@code false}. */
        IS_FALSE
    }

    private final Selector selector;
    private final Kind kind;

    FieldTest(Selector selector, Kind kind) {
        this.selector = selector;
        this.kind = kind;
    }

    @Override
    public boolean test(JsonNode event) {
        JsonNode node = selector.resolve(event);
        return switch (kind) {
            case NOT_EXISTS -> node == null;
            case IS_NULL -> node != null && node.isNull();
            case IS_TRUE -> node != null && node.isBoolean() && node.booleanValue();
            case IS_FALSE -> node != null && node.isBoolean() && !node.booleanValue();
        };
    }

    @Override
    public Selector requiredSelector() {
        return kind == Kind.NOT_EXISTS ? null : selector;
    }
}
