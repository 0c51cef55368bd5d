package io.trailwatch.rules.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.rules.engine.cloudtrail.CloudTrailRecords;
import io.trailwatch.rules.engine.outlier.Direction;
import io.trailwatch.rules.engine.outlier.GroupBy;
import io.trailwatch.rules.engine.outlier.OutlierParameters;
import io.trailwatch.rules.engine.outlier.OutlierSeries;
import io.trailwatch.rules.engine.outlier.OutlierVerdict;
import io.trailwatch.rules.engine.outlier.Timeslice;
import io.trailwatch.rules.engine.rule.Rule;
import io.trailwatch.rules.engine.rule.RuleSet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code outliers --rule RULE_ID [--by FIELD] [--timeslice 5m] ... FILE}. */
final class OutliersCommand {

    private OutliersCommand() {
    }

    static int run(List<String> argv, Output out) throws UsageException, IOException {
        Arguments args = Arguments.parse(argv, Set.of("--rule", "--by", "--timeslice", "--window", "--threshold",
                "--consecutive", "--direction", "--min-count", RuleSetArguments.CIS_VERSION, RuleSetArguments.RULES),
                Set.of("--seasonal"));
        String ruleId = args.option("--rule");
        if (ruleId == null) {
            throw new UsageException("missing --rule RULE_ID");
        }
        Path file = Path.of(args.single("FILE (a CloudTrail log file)"));
        OutlierParameters parameters = parameters(args);
        GroupBy groupBy;
        try {
            groupBy = GroupBy.parse(args.option("--by"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--by: " + e.getMessage());
        }
        RuleSet rules = RuleSetArguments.load(args, out);
        Rule rule = rules.rule(ruleId).orElseThrow(() -> new UsageException("--rule: no rule '" + ruleId
                + "' in the rule set; known rules: " + rules.rules().stream().map(Rule::id)
                .collect(Collectors.joining(", "))));

        OutlierSeries series = new OutlierSeries(parameters);
        long[] undated = {0};
        CloudTrailRecords.forEach(file, (index, record) -> {
            if (rule.matches(record)) {
                Optional<Instant> time = CloudTrailRecords.eventTime(record);
                if (time.isPresent()) {
                    series.add(groupBy.groupOf(record), time.get());
                } else {
                    undated[0]++;
                }
            }
        });
        if (undated[0] > 0) {
            out.warn(undated[0] + " matching record(s) without a valid eventTime were not counted");
        }
        try {
            series.forEachVerdict((group, verdict) -> out.jsonLine(line(out, group, verdict)));
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
        return Main.OK;
    }

    private static ObjectNode line(Output out, String group, OutlierVerdict v) {
        ObjectNode line = out.object();
        line.put("group", group);
        line.put("slice", v.slice().toString());
        line.put("value", v.value());
        line.put("mean", v.mean());
        line.put("stddev", v.stddev());
        line.put("upper", v.upper());
        line.put("lower", v.lower());
        line.put("indicator", v.indicator());
        line.put("violation", v.violation());
        return line;
    }

    private static OutlierParameters parameters(Arguments args) throws UsageException {
        OutlierParameters p = OutlierParameters.defaults();
        String option = null;
        try {
            option = "--timeslice";
            if (args.option(option) != null) {
                p = p.withTimeslice(Timeslice.parse(args.option(option)));
            }
            option = "--window";
            if (args.option(option) != null) {
                p = p.withWindow(Integer.parseInt(args.option(option).trim()));
            }
            option = "--threshold";
            if (args.option(option) != null) {
                p = p.withThreshold(Double.parseDouble(args.option(option).trim()));
            }
            option = "--consecutive";
            if (args.option(option) != null) {
                p = p.withConsecutive(Integer.parseInt(args.option(option).trim()));
            }
            option = "--direction";
            if (args.option(option) != null) {
                p = p.withDirection(Direction.parse(args.option(option)));
            }
            option = "--min-count";
            if (args.option(option) != null) {
                p = p.withMinCount(Long.parseLong(args.option(option).trim()));
            }
            option = "--seasonal";
            if (args.flag(option)) {
                p = p.withSeasonal(true);
            }
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + args.option(option) + "' is not a number");
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
        return p;
    }
}
