package io.trailwatch.rules.engine.pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code <}, {@code >}, {@code <=}, {@code >=}: hold only for a JSON number field. */
final class NumericComparison implements Condition {

    enum Operator {
        LT("<"), GT(">"), LE("<="), GE(">=");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case LT -> comparison < 0;
                case GT -> comparison > 0;
                case LE -> comparison <= 0;
                case GE -> comparison >= 0;
            };
        }
    }

    private final Selector selector;
    private final Operator operator;
    private final Equality.NumberLiteral number;

    NumericComparison(Selector selector, Operator operator, Equality.NumberLiteral number) {
        this.selector = selector;
        this.operator = operator;
        this.number = number;
    }

    @Override
    public boolean test(JsonNode event) {
        JsonNode node = selector.resolve(event);
        return node != null && Equality.NumberLiteral.isComparable(node) && operator.holds(number.compareTo(node));
    }

    @Override
    public Selector requiredSelector() {
        return selector;
    }
}
