package io.trailwatch.alert.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Include and exclude lists for one finding field. Values are exact, or globs with {@code *}. An empty include list
 * admits every value; any exclude match rejects.
 */
public record ValueFilter(List<String> include, List<String> exclude) {

    public static final ValueFilter ANY = new ValueFilter(List.of(), List.of());

    public ValueFilter {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public boolean admits(String value) {
        if (exclude.stream().anyMatch(p -> matches(p, value))) {
            return false;
        }
        return include.isEmpty() || include.stream().anyMatch(p -> matches(p, value));
    }

    static boolean matches(String pattern, String value) {
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(value);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.matches(regex.toString(), value);
    }
}
