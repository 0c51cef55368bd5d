package io.trailwatch.rules.engine.rule;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.contracts.Category;
import io.trailwatch.contracts.Severity;
import io.trailwatch.rules.engine.pattern.FilterPattern;
import java.util.Map;

/**
 * A rule compiled for one CIS benchmark version: its metadata and the pattern of that version. Immutable
 * and thread-safe.
 */
public final class Rule {

    private final RuleDefinition definition;
    private final FilterPattern pattern;
    private final boolean enabled;
    private final Map<String, String> cis;

    Rule(RuleDefinition definition, FilterPattern pattern, boolean enabled) {
        this.definition = definition;
        this.pattern = pattern;
        this.enabled = enabled;
        this.cis = definition.cisReferences();
    }

    public String id() {
        return definition.id();
    }

    public String title() {
        return definition.title();
    }

    public Severity severity() {
        return definition.severity();
    }

    public Category category() {
        return definition.category();
    }

    public String description() {
        return definition.description();
    }

    public String remediation() {
        return definition.remediation();
    }

    /** CIS control per benchmark version, e.g. {@code "v1.2.0" -> "3.2", "v6.0.0" -> "5.2"}; empty for non-CIS rules. */
    public Map<String, String> cis() {
        return cis;
    }

    /** Whether {@link RuleSet#match} reports this rule (the file's flag, after operator overrides). */
    public boolean enabled() {
        return enabled;
    }

    public RuleSource source() {
        return definition.source();
    }

    /** The file the rule came from: {@code builtin:<resource>} or a path. */
    public String origin() {
        return definition.origin();
    }

    /** {@code tuned} (or another label) for rules that deliberately differ from the CIS text; null otherwise. */
    public String variant() {
        return definition.variant();
    }

    /** The id of the rule this variant tunes, or null. */
    public String basedOn() {
        return definition.basedOn();
    }

    /** The pattern in force for the rule set's benchmark version. */
    public FilterPattern pattern() {
        return pattern;
    }

    /** The full definition, with the patterns of every version and the embedded tests. */
    public RuleDefinition definition() {
        return definition;
    }

    /** Whether this rule's pattern matches the record, whether or not the rule is enabled. */
    public boolean matches(JsonNode record) {
        return pattern.matches(record);
    }

    @Override
    public String toString() {
        return id();
    }
}
