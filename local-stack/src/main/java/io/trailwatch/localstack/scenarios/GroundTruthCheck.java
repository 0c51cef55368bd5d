package io.trailwatch.localstack.scenarios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the findings the pipeline produced with the simulator's ground truth.
 *
 * <p>Recall: every record of a scenario run that the ground truth says matches a CIS pattern must have a finding
 * of each of its rules (same rule id, same eventID); every rule a run expects that is not a single-record pattern
 * (an outlier detector) must have a finding of that rule for one of the run's accounts whose time slice overlaps
 * the run. Precision: a CIS-pattern finding is explained when the ground truth lists its record under its rule
 * (background records included: they match the pattern, whatever their intent); a detector finding is explained
 * when it overlaps a run that expects it. Findings of rule ids the ground truth does not know (custom or tuned
 * rules) are counted but not judged.
 */
public final class GroundTruthCheck {

    /** Recall and precision of one rule. For detectors, expected/found count runs; otherwise records. */
    public record RuleScore(String ruleId, boolean perRecord, int expected, int found, int findings, int explained) {

        public double recall() {
            return expected == 0 ? Double.NaN : (double) found / expected;
        }

        public double precision() {
            return findings == 0 ? Double.NaN : (double) explained / findings;
        }
    }

    /**
     * A scenario run that lacks findings of a rule it should have raised: {@code missing} of its {@code expected}
     * records without one, or for a detector (not per record) no finding overlapping the run (1 of 1).
     */
    public record Miss(String run, String scenario, String summary, String ruleId, boolean perRecord, int missing,
                       int expected) {
    }

    public record Result(List<RuleScore> rules, int runs, int backgroundExpected, int backgroundFound,
                         List<Miss> misses, List<ObservedFinding> unexplainedPatternFindings,
                         List<ObservedFinding> unexplainedDetectorFindings, Map<String, Integer> notJudged) {

        /** No scenario missed a finding and no CIS-pattern finding lacks an explanation. */
        public boolean passed() {
            return misses.isEmpty() && unexplainedPatternFindings.isEmpty();
        }
    }

    private GroundTruthCheck() {
    }

    public static Result check(GroundTruth truth, Collection<ObservedFinding> observed) {
        Map<String, ObservedFinding> unique = new LinkedHashMap<>();
        observed.forEach(f -> unique.putIfAbsent(f.findingId(), f));
        Set<String> patterns = truth.patternRuleIds();
        Set<String> detectors = new TreeSet<>();
        truth.scenarios().forEach(run -> run.expectedRules().stream().filter(r -> !patterns.contains(r))
                .forEach(detectors::add));
        unique.values().stream().filter(f -> !patterns.contains(f.ruleId()) && f.sliceStart() != null)
                .forEach(f -> detectors.add(f.ruleId()));

        Set<String> foundPairs = new HashSet<>();
        Map<String, List<ObservedFinding>> byRule = new HashMap<>();
        for (ObservedFinding f : unique.values()) {
            if (f.eventId() != null) {
                foundPairs.add(pair(f.ruleId(), f.eventId()));
            }
            byRule.computeIfAbsent(f.ruleId(), r -> new ArrayList<>()).add(f);
        }

        Map<String, int[]> scores = new TreeMap<>();
        Set<String> truthPairs = new HashSet<>();
        Map<String, Map<String, int[]>> perRun = new LinkedHashMap<>();
        int backgroundExpected = 0;
        int backgroundFound = 0;
        for (GroundTruth.Event event : truth.events()) {
            for (String rule : event.expectedRules()) {
                truthPairs.add(pair(rule, event.eventId()));
                boolean found = foundPairs.contains(pair(rule, event.eventId()));
                if (event.fromScenario()) {
                    int[] score = scores.computeIfAbsent(rule, r -> new int[4]);
                    score[0]++;
                    int[] run = perRun.computeIfAbsent(String.valueOf(event.run()), r -> new LinkedHashMap<>())
                            .computeIfAbsent(rule, r -> new int[2]);
                    run[0]++;
                    if (found) {
                        score[1]++;
                    } else {
                        run[1]++;
                    }
                } else {
                    backgroundExpected++;
                    if (found) {
                        backgroundFound++;
                    }
                }
            }
        }

        List<Miss> misses = new ArrayList<>();
        Map<String, GroundTruth.ScenarioRun> runs = new HashMap<>();
        truth.scenarios().forEach(run -> runs.put(run.run(), run));
        for (GroundTruth.ScenarioRun run : truth.scenarios()) {
            Map<String, int[]> records = perRun.getOrDefault(run.run(), Map.of());
            for (String rule : run.expectedRules()) {
                if (patterns.contains(rule)) {
                    if (!records.containsKey(rule)) {
                        misses.add(new Miss(run.run(), run.scenario(), run.summary(), rule, true, 0, 0));
                    }
                    continue;
                }
                int[] score = scores.computeIfAbsent(rule, r -> new int[4]);
                score[0]++;
                if (byRule.getOrDefault(rule, List.of()).stream().anyMatch(f -> overlaps(f, run))) {
                    score[1]++;
                } else {
                    misses.add(new Miss(run.run(), run.scenario(), run.summary(), rule, false, 1, 1));
                }
            }
        }
        perRun.forEach((runId, rules) -> rules.forEach((rule, counts) -> {
            if (counts[1] > 0) {
                GroundTruth.ScenarioRun run = runs.get(runId);
                misses.add(new Miss(runId, run == null ? "?" : run.scenario(), run == null ? "" : run.summary(), rule,
                        true, counts[1], counts[0]));
            }
        }));

        List<ObservedFinding> unexplainedPattern = new ArrayList<>();
        List<ObservedFinding> unexplainedDetector = new ArrayList<>();
        Map<String, Integer> notJudged = new TreeMap<>();
        for (ObservedFinding f : unique.values()) {
            boolean explained;
            if (patterns.contains(f.ruleId())) {
                explained = f.eventId() != null && truthPairs.contains(pair(f.ruleId(), f.eventId()));
                if (!explained) {
                    unexplainedPattern.add(f);
                }
            } else if (detectors.contains(f.ruleId())) {
                explained = truth.scenarios().stream()
                        .anyMatch(run -> run.expectedRules().contains(f.ruleId()) && overlaps(f, run));
                if (!explained) {
                    unexplainedDetector.add(f);
                }
            } else {
                notJudged.merge(f.ruleId(), 1, Integer::sum);
                continue;
            }
            int[] score = scores.computeIfAbsent(f.ruleId(), r -> new int[4]);
            score[2]++;
            if (explained) {
                score[3]++;
            }
        }

        List<RuleScore> rules = new ArrayList<>();
        scores.forEach((rule, s) -> rules.add(new RuleScore(rule, !detectors.contains(rule), s[0], s[1], s[2], s[3])));
        return new Result(rules, truth.scenarios().size(), backgroundExpected, backgroundFound, misses,
                unexplainedPattern, unexplainedDetector, notJudged);
    }

    /** Whether a detector finding is about one of the run's accounts and a time that overlaps the run. */
    static boolean overlaps(ObservedFinding f, GroundTruth.ScenarioRun run) {
        if (f.accountId() == null || !run.accounts().contains(f.accountId())) {
            return false;
        }
        Instant from = f.sliceStart() != null ? f.sliceStart() : f.eventTime();
        Instant to = f.sliceEnd() != null ? f.sliceEnd() : f.eventTime();
        if (from == null || to == null) {
            return false;
        }
        return !from.isAfter(run.end()) && to.isAfter(run.start());
    }

    private static String pair(String rule, String eventId) {
        return rule + "|" + eventId;
    }
}
