package io.trailwatch.rules.engine.rule;

import io.trailwatch.rules.engine.pattern.FilterPattern;

/** The pattern a rule uses for a range of benchmark versions. */
public record VersionedPattern(VersionRange versions, FilterPattern pattern) {
}
