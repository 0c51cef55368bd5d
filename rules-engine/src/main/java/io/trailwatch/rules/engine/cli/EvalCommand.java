package io.trailwatch.rules.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.rules.engine.cloudtrail.CloudTrailRecords;
import io.trailwatch.rules.engine.rule.Rule;
import io.trailwatch.rules.engine.rule.RuleSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code eval [--cis-version V] [--rules DIR] FILE}. */
final class EvalCommand {

    private EvalCommand() {
    }

    static int run(List<String> argv, Output out) throws UsageException, IOException {
        Arguments args = Arguments.parse(argv, Set.of(RuleSetArguments.CIS_VERSION, RuleSetArguments.RULES), Set.of());
        Path file = Path.of(args.single("FILE (a CloudTrail log file)"));
        RuleSet rules = RuleSetArguments.load(args, out);
        CloudTrailRecords.forEach(file, (index, record) -> {
            ObjectNode line = out.object();
            line.set("eventID", record.get("eventID") != null && record.get("eventID").isTextual()
                    ? record.get("eventID") : null);
            ArrayNode ids = line.putArray("ruleIds");
            for (Rule rule : rules.match(record)) {
                ids.add(rule.id());
            }
            out.jsonLine(line);
        });
        return Main.OK;
    }
}
