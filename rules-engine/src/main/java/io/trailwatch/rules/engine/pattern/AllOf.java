package io.trailwatch.rules.engine.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code a && b && ...}: true when every operand holds, evaluated left to right with short-circuit. */
final class AllOf implements Condition {

    private final Condition[] operands;

    AllOf(List<Condition> operands) {
        this.operands = operands.toArray(Condition[]::new);
    }

    List<Condition> operands() {
        return List.of(operands);
    }

    @Override
    public boolean test(JsonNode event) {
        for (Condition operand : operands) {
            if (!operand.test(event)) {
                return false;
            }
        }
        return true;
    }

    /** Pinned when any operand pins the field: the intersection of what the pinning operands allow. */
    @Override
    public Set<String> requiredValues(String field) {
        Set<String> intersection = null;
        for (Condition operand : operands) {
            Set<String> values = operand.requiredValues(field);
            if (values != null) {
                if (intersection == null) {
                    intersection = new HashSet<>(values);
                } else {
                    intersection.retainAll(values);
                }
            }
        }
        return intersection;
    }

    /** The first operand is always evaluated, so what it requires, the conjunction requires. */
    @Override
    public Selector requiredSelector() {
        return operands[0].requiredSelector();
    }
}
