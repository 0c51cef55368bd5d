package io.trailwatch.rules.engine.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The right-hand side of {@code =} and {@code !=}. Applied only to string and number nodes (the caller
 * rejects every other node type first, because AWS never applies a comparison to them).
 */
sealed interface Equality {

    boolean matches(JsonNode scalar);

    /** The node's text: a string's value, or a number's decimal text for wildcard and regex matching. */
    static String textOf(JsonNode scalar) {
        return scalar.isTextual() ? scalar.textValue() : scalar.asText();
    }

    /**
     * A quoted string or bare word without wildcards. Strings compare exactly (case-sensitive); a number node
     * compares numerically when the literal is an unquoted number, otherwise by its text.
     */
    record Exact(String text, NumberLiteral number) implements Equality {
        @Override
        public boolean matches(JsonNode scalar) {
            if (scalar.isTextual()) {
                return text.equals(scalar.textValue());
            }
            if (number != null) {
                return NumberLiteral.isComparable(scalar) && number.compareTo(scalar) == 0;
            }
            return text.equals(scalar.asText());
        }
    }

    /** {@code *x}, {@code x*}, {@code *x*} or {@code *}: wildcards only at the start and/or the end. */
    record Wildcard(String part, boolean anyPrefix, boolean anySuffix) implements Equality {
        @Override
        public boolean matches(JsonNode scalar) {
            String value = textOf(scalar);
            if (anyPrefix && anySuffix) {
                return value.contains(part);
            }
            return anyPrefix ? value.endsWith(part) : value.startsWith(part);
        }
    }

    /** {@code %regex%}: found anywhere in the value unless anchored with ^ or $. */
    record Regex(Pattern regex) implements Equality {
        @Override
        public boolean matches(JsonNode scalar) {
            return regex.matcher(textOf(scalar)).find();
        }
    }

    /** An unquoted number literal, kept both as text (for string fields) and as a decimal. */
    record NumberLiteral(String text, BigDecimal value, boolean isLong, long longValue) {

        static NumberLiteral parse(String text) {
            BigDecimal value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
            boolean isLong;
            long longValue = 0;
            try {
                longValue = value.longValueExact();
                isLong = true;
            } catch (ArithmeticException notIntegral) {
                isLong = false;
            }
            return new NumberLiteral(text, value, isLong, longValue);
        }

        /**
         * True for a number node that has a decimal value. JSON has no NaN or infinity, but a caller may hand
         * us a tree built in code; such a node never satisfies a numeric comparison.
         */
        static boolean isComparable(JsonNode node) {
            if (!node.isNumber()) {
                return false;
            }
            return !node.isFloatingPointNumber() || node.isBigDecimal() || Double.isFinite(node.doubleValue());
        }

        /** Compares a number node with this literal; the node must be {@linkplain #isComparable comparable}. */
        int compareTo(JsonNode number) {
            if (isLong && number.isIntegralNumber() && number.canConvertToLong()) {
                return Long.compare(number.longValue(), longValue);
            }
            if (number.isFloatingPointNumber() && !number.isBigDecimal()) {
                // valueOf uses the shortest decimal form, so 0.1 in the event equals the literal 0.1.
                return BigDecimal.valueOf(number.doubleValue()).compareTo(value);
            }
            return number.decimalValue().compareTo(value);
        }
    }
}
