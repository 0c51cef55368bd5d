package io.trailwatch.rules.engine.outlier;

import io.trailwatch.contracts.Category;
import io.trailwatch.contracts.Severity;
import io.trailwatch.rules.engine.rule.RuleSource;

/**
 * An outlier detector: which rule's matches it counts, how it groups them, and how each group's series is
 * judged. Its findings have category {@link Category#OUTLIER} and the detector id as rule id.
 *
 * @param ruleId the rule whose matches are counted (whether or not that rule is enabled)
 * @param origin the file the detector came from ({@code builtin:<resource>} or a path)
 */
public record DetectorDefinition(String id, String title, Severity severity, String description, String ruleId,
        GroupBy groupBy, OutlierParameters parameters, boolean enabled, RuleSource source, String origin) {

    public Category category() {
        return Category.OUTLIER;
    }
}
