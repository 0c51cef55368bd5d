package io.trailwatch.rules.engine.rule;

import io.trailwatch.contracts.Category;
import io.trailwatch.contracts.Severity;
import io.trailwatch.rules.engine.pattern.FilterPattern;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule as written in its YAML file, with every benchmark version's pattern compiled. {@link RuleSet}
 * turns definitions into {@link Rule}s for one benchmark version; the {@code test} command runs their
 * embedded tests against every version's pattern.
 *
 * @param cis CIS control per version range, in file order (e.g. {@code v1.3.0..v5.0.0 -> "4.2"})
 * @param patterns the pattern per version range; the ranges do not overlap
 * @param variant a label such as {@code tuned} for rules that deliberately differ from the CIS text; null for
 *     CIS-exact and plain custom rules
 * @param basedOn the id of the rule a variant tunes, or null
 * @param origin the file the rule came from ({@code builtin:<resource>} or a path)
 */
public record RuleDefinition(
        String id,
        String title,
        Severity severity,
        Category category,
        String description,
        String remediation,
        Map<VersionRange, String> cis,
        List<VersionedPattern> patterns,
        boolean enabled,
        String variant,
        String basedOn,
        List<RuleTestCase> tests,
        RuleSource source,
        String origin) {

    public RuleDefinition {
        cis = Collections.unmodifiableMap(new LinkedHashMap<>(cis));
        patterns = List.copyOf(patterns);
        tests = List.copyOf(tests);
    }

    /** The pattern for a benchmark version; empty when the rule does not exist in that version. */
    public Optional<FilterPattern> patternFor(CisVersion version) {
        for (VersionedPattern p : patterns) {
            if (p.versions().contains(version)) {
                return Optional.of(p.pattern());
            }
        }
        return Optional.empty();
    }

    /** CIS control per known benchmark version, oldest first, e.g. {@code "v1.2.0" -> "3.2"}. */
    public Map<String, String> cisReferences() {
        Map<String, String> refs = new LinkedHashMap<>();
        for (CisVersion version : CisVersion.KNOWN) {
            for (Map.Entry<VersionRange, String> e : cis.entrySet()) {
                if (e.getKey().contains(version)) {
                    refs.put(version.toString(), e.getValue());
                    break;
                }
            }
        }
        return Collections.unmodifiableMap(refs);
    }
}
