package io.trailwatch.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;

/** Runs a rule's embedded tests against every version pattern each test applies to. */
public final class RuleTests {

    private RuleTests() {
    }

    public static List<RuleTestResult> run(RuleDefinition rule) {
        List<RuleTestResult> results = new ArrayList<>();
        for (RuleTestCase test : rule.tests()) {
            for (VersionedPattern pattern : rule.patterns()) {
                if (pattern.versions().intersects(test.versions())) {
                    boolean actual = pattern.pattern().matches(test.event());
                    results.add(new RuleTestResult(rule.id(), test.name(), pattern.versions(), test.expected(),
                            actual, rule.origin()));
                }
            }
        }
        return results;
    }
}
