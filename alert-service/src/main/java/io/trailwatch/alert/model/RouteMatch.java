package io.trailwatch.alert.model;

import io.trailwatch.contracts.Severity;

/** Which findings a route takes: a minimum severity and include/exclude lists on four fields. */
public record RouteMatch(Severity minSeverity, ValueFilter ruleIds, ValueFilter categories, ValueFilter accountIds,
                         ValueFilter regions) {

    public static final RouteMatch ALL = new RouteMatch(Severity.INFO, ValueFilter.ANY, ValueFilter.ANY,
            ValueFilter.ANY, ValueFilter.ANY);

    public boolean matches(FindingFacts finding) {
        return finding.severity().atLeast(minSeverity)
                && ruleIds.admits(finding.value(FindingField.RULE_ID))
                && categories.admits(finding.value(FindingField.CATEGORY))
                && accountIds.admits(finding.value(FindingField.ACCOUNT_ID))
                && regions.admits(finding.value(FindingField.REGION));
    }
}
