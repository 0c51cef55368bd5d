package io.trailwatch.localstack.scenarios;

import java.util.List;

/** The ground-truth check as text: per-rule recall and precision, then every miss and unexplained finding. */
final class VerifyReport {

    private static final int LISTED = 20;

    private VerifyReport() {
    }

    static String format(String command, VerifyScenariosCommand.Verification v) {
        GroundTruthCheck.Result r = v.result();
        StringBuilder out = new StringBuilder();
        line(out, "Trailwatch ground-truth check: " + command);
        line(out, String.format("  replayed %s 00:00 UTC + %d h (seed %d%s): %,d events in %,d files, %d scenario "
                        + "runs, %,d findings; took %d s", v.options().day(), v.options().hours(), v.options().seed(),
                v.options().hours() < 24 ? "; fewer hours than a day, by --hours" : "", v.stats().records(),
                v.stats().files(), r.runs(), v.findings(), v.elapsed().toSeconds()));
        line(out, String.format("  scenarios start after a %d-minute warm-up and end %d minutes before the end "
                        + "(outlier baseline and slice grace), each once per hour", VerificationSchedule.WARM_UP
                .toMinutes(), VerificationSchedule.TAIL.toMinutes()));
        line(out, "");
        line(out, String.format("  %-38s %9s %7s %8s   %8s %9s %9s", "rule", "expected", "found", "recall",
                "findings", "explained", "precision"));
        for (GroundTruthCheck.RuleScore s : r.rules()) {
            line(out, String.format("  %-38s %9s %7s %8s   %8d %9d %9s", s.ruleId(),
                    s.expected() + (s.perRecord() ? "" : " runs"), s.found(), percent(s.recall()), s.findings(),
                    s.explained(), percent(s.precision())));
        }
        line(out, String.format("  background records matching a CIS pattern: %,d of %,d have their findings",
                r.backgroundFound(), r.backgroundExpected()));
        r.notJudged().forEach((rule, n) -> line(out, String.format("  not judged (rule unknown to the ground "
                + "truth): %s, %d findings", rule, n)));

        if (!r.misses().isEmpty()) {
            line(out, "");
            line(out, "MISSED (" + r.misses().size() + "):");
            for (GroundTruthCheck.Miss m : r.misses().subList(0, Math.min(LISTED, r.misses().size()))) {
                String what = !m.perRecord() ? "no finding for the run's accounts and time"
                        : m.expected() == 0 ? "no record of the run carries this rule in the ground truth"
                        : m.missing() + " of " + m.expected() + " records without a finding";
                line(out, String.format("  %s %s: %s (%s)", m.run(), m.ruleId(), what, m.summary()));
            }
            more(out, r.misses());
        }
        listUnexplained(out, "UNEXPLAINED CIS-pattern findings", r.unexplainedPatternFindings());
        listUnexplained(out, "outlier findings outside every scenario run (not a failure)",
                r.unexplainedDetectorFindings());
        line(out, "");
        line(out, r.passed() ? "result: PASS" : String.format("result: FAIL (%d misses, %d unexplained CIS-pattern "
                + "findings)", r.misses().size(), r.unexplainedPatternFindings().size()));
        return out.toString();
    }

    private static void listUnexplained(StringBuilder out, String title, List<ObservedFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        line(out, "");
        line(out, title + " (" + findings.size() + "):");
        for (ObservedFinding f : findings.subList(0, Math.min(LISTED, findings.size()))) {
            line(out, String.format("  %s %s account %s at %s%s", f.ruleId(), f.eventId() == null ? "" : "eventID "
                    + f.eventId(), f.accountId(), f.sliceStart() != null ? f.sliceStart() : f.eventTime(),
                    f.sliceStart() != null ? " (slice)" : ""));
        }
        more(out, findings);
    }

    private static void more(StringBuilder out, List<?> items) {
        if (items.size() > LISTED) {
            line(out, "  ... and " + (items.size() - LISTED) + " more");
        }
    }

    private static String percent(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format("%.1f%%", 100 * ratio);
    }

    private static void line(StringBuilder out, String s) {
        out.append(s).append('\n');
    }
}
