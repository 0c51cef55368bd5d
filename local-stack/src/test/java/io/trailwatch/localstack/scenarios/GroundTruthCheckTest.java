package io.trailwatch.localstack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroundTruthCheckTest {

    private static final String FAILURES = "cis-console-auth-failures";
    private static final String NO_MFA = "cis-console-signin-without-mfa";
    private static final String ROOT = "cis-root-account-usage";
    private static final String OUTLIER = "outlier-console-auth-failures";
    private static final Instant T = Instant.parse("2026-11-27T01:00:00Z");

    /** One brute force (two failures, one sign-in) in account A, one root use in B, one benign SSO sign-in. */
    private static GroundTruth truth() {
        List<GroundTruth.Event> events = List.of(
                event("f1", "A", "scenario", "console-brute-force#0", FAILURES),
                event("f2", "A", "scenario", "console-brute-force#0", FAILURES),
                event("s1", "A", "scenario", "console-brute-force#0", NO_MFA),
                event("r1", "B", "scenario", "root-account-usage#1", ROOT),
                event("sso", "C", "background", null, NO_MFA));
        List<GroundTruth.ScenarioRun> runs = List.of(
                new GroundTruth.ScenarioRun("console-brute-force#0", "console-brute-force", T, T.plusSeconds(240),
                        List.of("A"), List.of(FAILURES, NO_MFA, OUTLIER), List.of("f1", "f2", "s1"), "brute force"),
                new GroundTruth.ScenarioRun("root-account-usage#1", "root-account-usage", T, T.plusSeconds(60),
                        List.of("B"), List.of(ROOT), List.of("r1"), "root"));
        return new GroundTruth(Set.of(FAILURES, NO_MFA, ROOT), events, runs);
    }

    private static GroundTruth.Event event(String id, String account, String origin, String run, String rule) {
        return new GroundTruth.Event(id, T, account, origin, run, List.of(rule));
    }

    private static ObservedFinding perRecord(String rule, String eventId, String account) {
        return new ObservedFinding(rule + ":" + eventId, rule, eventId, account, T, null, null);
    }

    private static ObservedFinding outlier(String account, Instant sliceStart) {
        return new ObservedFinding("o:" + account + sliceStart, OUTLIER, null, account, sliceStart, sliceStart,
                sliceStart.plusSeconds(300));
    }

    private static List<ObservedFinding> everythingRight() {
        List<ObservedFinding> findings = new ArrayList<>(List.of(
                perRecord(FAILURES, "f1", "A"), perRecord(FAILURES, "f2", "A"), perRecord(NO_MFA, "s1", "A"),
                perRecord(ROOT, "r1", "B"), perRecord(NO_MFA, "sso", "C"), outlier("A", T)));
        return findings;
    }

    @Test
    void aPipelineThatFindsEverythingPasses() {
        GroundTruthCheck.Result r = GroundTruthCheck.check(truth(), everythingRight());
        assertThat(r.passed()).isTrue();
        assertThat(r.misses()).isEmpty();
        assertThat(r.backgroundExpected()).isEqualTo(1);
        assertThat(r.backgroundFound()).isEqualTo(1);
        assertThat(r.rules()).extracting(GroundTruthCheck.RuleScore::ruleId)
                .containsExactly(FAILURES, NO_MFA, ROOT, OUTLIER);
        GroundTruthCheck.RuleScore noMfa = r.rules().get(1);
        assertThat(noMfa.expected()).isEqualTo(1);
        assertThat(noMfa.findings()).isEqualTo(2);
        assertThat(noMfa.precision()).isEqualTo(1.0);
        GroundTruthCheck.RuleScore outlier = r.rules().get(3);
        assertThat(outlier.perRecord()).isFalse();
        assertThat(outlier.recall()).isEqualTo(1.0);
    }

    @Test
    void aMissingRecordFindingIsAMissOfItsRun() {
        List<ObservedFinding> findings = everythingRight();
        findings.removeIf(f -> "f2".equals(f.eventId()));
        GroundTruthCheck.Result r = GroundTruthCheck.check(truth(), findings);
        assertThat(r.passed()).isFalse();
        assertThat(r.misses()).singleElement().satisfies(m -> {
            assertThat(m.run()).isEqualTo("console-brute-force#0");
            assertThat(m.ruleId()).isEqualTo(FAILURES);
            assertThat(m.perRecord()).isTrue();
            assertThat(m.missing()).isEqualTo(1);
            assertThat(m.expected()).isEqualTo(2);
        });
        assertThat(r.rules().get(0).recall()).isEqualTo(0.5);
    }

    @Test
    void anOutlierOutsideTheRunDoesNotCountForIt() {
        List<ObservedFinding> findings = everythingRight();
        findings.removeIf(f -> OUTLIER.equals(f.ruleId()));
        findings.add(outlier("A", T.plusSeconds(3600)));
        findings.add(outlier("B", T));
        GroundTruthCheck.Result r = GroundTruthCheck.check(truth(), findings);
        assertThat(r.misses()).singleElement().satisfies(m -> {
            assertThat(m.ruleId()).isEqualTo(OUTLIER);
            assertThat(m.perRecord()).isFalse();
        });
        assertThat(r.unexplainedDetectorFindings()).hasSize(2);
        assertThat(r.unexplainedPatternFindings()).isEmpty();
        GroundTruthCheck.RuleScore outlier = r.rules().get(3);
        assertThat(outlier.recall()).isEqualTo(0.0);
        assertThat(outlier.precision()).isEqualTo(0.0);
    }

    @Test
    void anOutlierSliceThatEndsWhenTheRunStartsDoesNotOverlapIt() {
        GroundTruth.ScenarioRun run = truth().scenarios().get(0);
        assertThat(GroundTruthCheck.overlaps(outlier("A", T.minusSeconds(300)), run)).isFalse();
        assertThat(GroundTruthCheck.overlaps(outlier("A", T.minusSeconds(299)), run)).isTrue();
        assertThat(GroundTruthCheck.overlaps(outlier("A", T.plusSeconds(240)), run)).isTrue();
        assertThat(GroundTruthCheck.overlaps(outlier("A", T.plusSeconds(241)), run)).isFalse();
    }

    @Test
    void aPatternFindingTheGroundTruthDoesNotListIsUnexplained() {
        List<ObservedFinding> findings = everythingRight();
        findings.add(perRecord(ROOT, "sso", "C"));
        findings.add(perRecord(ROOT, "unknown-event", "C"));
        GroundTruthCheck.Result r = GroundTruthCheck.check(truth(), findings);
        assertThat(r.passed()).isFalse();
        assertThat(r.misses()).isEmpty();
        assertThat(r.unexplainedPatternFindings()).extracting(ObservedFinding::eventId)
                .containsExactly("sso", "unknown-event");
        assertThat(r.rules().get(2).precision()).isEqualTo(1.0 / 3);
    }

    @Test
    void rulesTheGroundTruthDoesNotKnowAreCountedNotJudged() {
        List<ObservedFinding> findings = everythingRight();
        findings.add(perRecord("custom-break-glass", "r1", "B"));
        findings.add(perRecord("custom-break-glass", "f1", "A"));
        GroundTruthCheck.Result r = GroundTruthCheck.check(truth(), findings);
        assertThat(r.passed()).isTrue();
        assertThat(r.notJudged()).containsEntry("custom-break-glass", 2);
    }

    @Test
    void aFindingDeliveredTwiceCountsOnce() {
        List<ObservedFinding> findings = everythingRight();
        findings.add(perRecord(ROOT, "r1", "B"));
        GroundTruthCheck.Result r = GroundTruthCheck.check(truth(), findings);
        assertThat(r.rules().get(2).findings()).isEqualTo(1);
    }

    @Test
    void aRunExpectingARuleNoneOfItsRecordsCarriesIsAMiss() {
        GroundTruth base = truth();
        List<GroundTruth.ScenarioRun> runs = new ArrayList<>(base.scenarios());
        runs.add(new GroundTruth.ScenarioRun("root-account-usage#2", "root-account-usage", T, T, List.of("B"),
                List.of(ROOT), List.of(), "root without records"));
        GroundTruth truth = new GroundTruth(base.patternRuleIds(), base.events(), runs);
        GroundTruthCheck.Result r = GroundTruthCheck.check(truth, everythingRight());
        assertThat(r.misses()).singleElement().satisfies(m -> {
            assertThat(m.run()).isEqualTo("root-account-usage#2");
            assertThat(m.expected()).isZero();
        });
    }
}
