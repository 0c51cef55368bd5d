package io.trailwatch.rules.engine.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled CloudWatch Logs JSON filter pattern, e.g.
 * {@code { ($.eventName = ConsoleLogin) && ($.additionalEventData.MFAUsed != "Yes") }}.
 *
 * <p>Semantics follow AWS: {@code ()} binds tighter than {@code &&}, which binds tighter than {@code ||};
 * matching is case-sensitive; a comparison on a missing field is false ({@code !=} included); a selector
 * that points at an object, an array, a boolean or null never satisfies {@code =}, {@code !=} or a numeric
 * operator; {@code <}, {@code >}, {@code <=}, {@code >=} compare JSON numbers only; {@code *} is a wildcard at
 * the start and/or end of a value; the blank pattern matches every event. See the module README for the
 * full list.
 *
 * <p>Instances are immutable and thread-safe; {@link #matches} does not allocate.
 */
public final class FilterPattern {

    private final String source;
    private final Condition condition;

    private FilterPattern(String source, Condition condition) {
        this.source = source;
        this.condition = condition;
    }

    /**
     * Parses and compiles a pattern.
     *
     * @throws FilterPatternSyntaxException naming the position and what was expected there
     */
    public static FilterPattern compile(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return new FilterPattern(pattern, PatternParser.parse(pattern));
    }

    /** Whether the event (a parsed JSON log event, e.g. one CloudTrail record) matches. */
    public boolean matches(JsonNode event) {
        return condition.test(Objects.requireNonNull(event, "event"));
    }

    /** True for the blank pattern, which matches every event. */
    public boolean matchesEverything() {
        return condition == MatchAll.INSTANCE;
    }

    /**
     * The string values that the top-level {@code field} (e.g. {@code "eventName"}) must have for this pattern
     * to match, when the pattern pins it down through {@code =} comparisons joined by {@code &&} (or by
     * {@code ||} where every alternative pins it); empty when it does not.
     */
    public Optional<Set<String>> requiredValues(String field) {
        Set<String> values = condition.requiredValues(field);
        return values == null ? Optional.empty() : Optional.of(Set.copyOf(values));
    }

    /** The pattern text as written. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
