package io.trailwatch.rules.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.contracts.SeriesPoint;
import io.trailwatch.rules.engine.outlier.DetectorDefinition;
import io.trailwatch.rules.engine.outlier.OutlierParameters;
import io.trailwatch.rules.engine.rule.Rule;
import io.trailwatch.rules.engine.rule.RuleSet;
import java.time.Duration;
import java.util.List;

/**
 * A detector as the stream runs it: its definition, the rule whose matches it counts, and the grace period after
 * which its slices close.
 */
final class ActiveDetector {

    private static final long WEEK_MILLIS = Duration.ofDays(7).toMillis();

    private final DetectorDefinition definition;
    private final Rule rule;
    private final long sliceMillis;
    private final long graceMillis;
    private final long historySlices;

    ActiveDetector(DetectorDefinition definition, Rule rule, Duration grace) {
        this.definition = definition;
        this.rule = rule;
        this.sliceMillis = definition.parameters().sliceMillis();
        this.graceMillis = grace.toMillis();
        OutlierParameters p = definition.parameters();
        this.historySlices = (long) p.window() * (p.seasonal() ? WEEK_MILLIS / sliceMillis : 1);
    }

    /** The enabled detectors of a rule set; a detector's rule is counted even when the rule itself is disabled. */
    static List<ActiveDetector> of(List<DetectorDefinition> detectors, RuleSet rules, Duration grace) {
        return detectors.stream().filter(DetectorDefinition::enabled)
                .map(d -> new ActiveDetector(d, rules.rule(d.ruleId()).orElseThrow(() -> new IllegalStateException(
                        "detector " + d.id() + " counts rule " + d.ruleId() + ", which is not loaded")), grace))
                .toList();
    }

    DetectorDefinition definition() {
        return definition;
    }

    String id() {
        return definition.id();
    }

    OutlierParameters parameters() {
        return definition.parameters();
    }

    /** Whether the record is one this detector counts, given the enabled rules it matched. */
    boolean counts(JsonNode record, List<Rule> matched) {
        if (rule.enabled()) {
            for (int i = 0; i < matched.size(); i++) {
                if (matched.get(i) == rule) {
                    return true;
                }
            }
            return false;
        }
        return rule.matches(record);
    }

    String groupOf(JsonNode record) {
        return definition.groupBy().groupOf(record);
    }

    String seriesId(String group) {
        return SeriesPoint.seriesId(definition.id(), group);
    }

    long sliceMillis() {
        return sliceMillis;
    }

    long sliceStart(long eventTime) {
        return Math.floorDiv(eventTime, sliceMillis) * sliceMillis;
    }

    /** The event time at which the slice closes: its end plus the grace period. */
    long dueOf(long sliceStart) {
        return sliceStart + sliceMillis + graceMillis;
    }

    /**
     * Slices of history the baseline looks back over: {@code window}, or {@code window} weeks of slices when
     * seasonal. After that many empty slices the series' judgement no longer changes until its next event.
     */
    long historySlices() {
        return historySlices;
    }
}
