package io.trailwatch.alert.model;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition of a silence, Alertmanager style: {@code =} equal, {@code !=} not equal, {@code =~} matches the
 * regular expression (whole value), {@code !~} does not.
 */
public record SilenceMatcher(FindingField field, String op, String value, Pattern regex) {

    public static final int MAX_VALUE_LENGTH = 512;

    public static SilenceMatcher of(String where, FindingField field, String op, String value) {
        if (value == null) {
            throw new IllegalArgumentException("'" + where + ".value' is required");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("'" + where + ".value' is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        Pattern regex = null;
        switch (op == null ? "" : op) {
            case "=", "!=" -> {
            }
            case "=~", "!~" -> {
                try {
                    regex = Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("'" + where + ".value' is not a valid regular expression: "
                            + e.getDescription() + " near index " + e.getIndex());
                }
            }
            default -> throw new IllegalArgumentException("'" + where + ".op' must be one of =, !=, =~, !~, got "
                    + (op == null ? "nothing" : "'" + op + "'"));
        }
        return new SilenceMatcher(field, op, value, regex);
    }

    public boolean matches(FindingFacts finding) {
        String actual = finding.value(field);
        return switch (op) {
            case "=" -> actual.equals(value);
            case "!=" -> !actual.equals(value);
            case "=~" -> regex.matcher(actual).matches();
            default -> !regex.matcher(actual).matches();
        };
    }
}
