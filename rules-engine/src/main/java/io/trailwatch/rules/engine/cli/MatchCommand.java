package io.trailwatch.rules.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.rules.engine.cloudtrail.CloudTrailRecords;
import io.trailwatch.rules.engine.pattern.FilterPattern;
import io.trailwatch.rules.engine.pattern.FilterPatternSyntaxException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code match --pattern 'PATTERN' FILE}. */
final class MatchCommand {

    private MatchCommand() {
    }

    static int run(List<String> argv, Output out, PrintStream stderr) throws UsageException, IOException {
        Arguments args = Arguments.parse(argv, Set.of("--pattern"), Set.of());
        String text = args.option("--pattern");
        if (text == null) {
            throw new UsageException("missing --pattern");
        }
        Path file = Path.of(args.single("FILE (a CloudTrail log file)"));
        FilterPattern pattern;
        try {
            pattern = FilterPattern.compile(text);
        } catch (FilterPatternSyntaxException e) {
            stderr.println("trailwatch-rules: " + e.getMessage());
            stderr.println(e.excerpt().indent(2).stripTrailing());
            return Main.USAGE;
        }
        CloudTrailRecords.forEach(file, (index, record) -> {
            ObjectNode line = out.object();
            JsonNode id = record.get("eventID");
            line.set("eventID", id != null && id.isTextual() ? id : null);
            line.put("match", pattern.matches(record));
            out.jsonLine(line);
        });
        return Main.OK;
    }
}
