package io.trailwatch.rules.engine.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code a || b || ...}: true when any operand holds, evaluated left to right with short-circuit. */
final class AnyOf implements Condition {

    private final Condition[] operands;

    AnyOf(List<Condition> operands) {
        this.operands = operands.toArray(Condition[]::new);
    }

    List<Condition> operands() {
        return List.of(operands);
    }

    @Override
    public boolean test(JsonNode event) {
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
}
