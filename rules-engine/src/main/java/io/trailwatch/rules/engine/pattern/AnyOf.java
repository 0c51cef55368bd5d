package io.trailwatch.rules.engine.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code a || b || ...}: true when any operand holds, evaluated left to right with short-circuit. */
final class AnyOf implements Condition {

    private final Condition[] operands;
    /** Set when every alternative needs this field: if it is missing, no alternative can hold. */
    private final Selector guard;

    AnyOf(List<Condition> operands) {
        this.operands = operands.toArray(Condition[]::new);
        this.guard = commonSelector(this.operands);
    }

    private static Selector commonSelector(Condition[] operands) {
        Selector common = operands[0].requiredSelector();
        for (Condition operand : operands) {
            Selector required = operand.requiredSelector();
            if (common == null || required == null || !common.sameAs(required)) {
                return null;
            }
        }
        return common;
    }

    List<Condition> operands() {
        return List.of(operands);
    }

    @Override
    public boolean test(JsonNode event) {
        if (guard != null && guard.resolve(event) == null) {
            return false;
        }
        for (Condition operand : operands) {
            if (operand.test(event)) {
                return true;
            }
        }
        return false;
    }

    /** Pinned only when every alternative pins the field: the union of their values. */
    @Override
    public Set<String> requiredValues(String field) {
        Set<String> union = new HashSet<>();
        for (Condition operand : operands) {
            Set<String> values = operand.requiredValues(field);
            if (values == null) {
                return null;
            }
            union.addAll(values);
        }
        return union;
    }

    @Override
    public Selector requiredSelector() {
        return guard;
    }
}
