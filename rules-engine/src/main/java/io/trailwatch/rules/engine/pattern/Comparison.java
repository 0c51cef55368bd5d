package io.trailwatch.rules.engine.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * {@code selector = value} and {@code selector != value}. Follows AWS: a missing field, and a field that
 * is an object, an array, a boolean or null, satisfies neither operator.
 */
final class Comparison implements Condition {

    private final Selector selector;
    private final Equality value;
    private final boolean negated;

    Comparison(Selector selector, Equality value, boolean negated) {
        this.selector = selector;
        this.value = value;
        this.negated = negated;
    }

    @Override
    public boolean test(JsonNode event) {
        JsonNode node = selector.resolve(event);
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return false;
        }
        return value.matches(node) != negated;
    }

    @Override
    public Set<String> requiredValues(String field) {
        if (!negated && selector.isTopLevelField(field) && value instanceof Equality.Exact exact
                && exact.number() == null) {
            return Set.of(exact.text());
        }
        return null;
    }

    @Override
    public Selector requiredSelector() {
        return selector;
    }
}
