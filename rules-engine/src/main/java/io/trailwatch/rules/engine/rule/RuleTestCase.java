package io.trailwatch.rules.engine.rule;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One embedded test of a rule: an example CloudTrail record and whether the rule must match it.
 *
 * @param versions the benchmark versions whose patterns the test applies to ({@link VersionRange#ALL} by
 *     default), for behaviour that differs between versions
 */
public record RuleTestCase(String name, boolean expected, VersionRange versions, JsonNode event) {
}
