package io.trailwatch.rules.engine.rule;

/**
 * The outcome of one embedded test against one of the rule's version patterns.
 *
 * @param patternVersions the version range of the pattern the test ran against
 */
public record RuleTestResult(String ruleId, String testName, VersionRange patternVersions, boolean expected,
        boolean actual, String origin) {

    public boolean passed() {
        return expected == actual;
    }

    /** One line for people: what failed, where, and what happened. */
    public String describe() {
        return (passed() ? "PASS " : "FAIL ") + ruleId + " [" + patternVersions + "] test '" + testName
                + "': expected " + (expected ? "a match" : "no match") + ", got " + (actual ? "a match" : "no match")
                + " (" + origin + ")";
    }
}
