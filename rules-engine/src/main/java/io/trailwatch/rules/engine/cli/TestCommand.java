package io.trailwatch.rules.engine.cli;

import io.trailwatch.rules.engine.rule.RuleDefinition;
import io.trailwatch.rules.engine.rule.RuleFiles;
import io.trailwatch.rules.engine.rule.RuleLoadError;
import io.trailwatch.rules.engine.rule.RuleSource;
import io.trailwatch.rules.engine.rule.RuleTestResult;
import io.trailwatch.rules.engine.rule.RuleTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code test [DIR]}: every embedded test of every rule, against every benchmark version's pattern it
 * applies to. A rule file that does not load (bad YAML, bad pattern, id taken by the built-in pack) counts
 * as a failure, since the rules service would skip it.
 */
final class TestCommand {

    private TestCommand() {
    }

    static int run(List<String> argv, Output out) throws UsageException, IOException {
        Arguments args = Arguments.parse(argv, Set.of(), Set.of());
        if (args.positional().size() > 1) {
            throw new UsageException("expected at most one DIR, got " + String.join(" ", args.positional()));
        }
        RuleFiles.Result loaded;
        RuleSource tested;
        if (args.positional().isEmpty()) {
            loaded = RuleFiles.builtin();
            tested = RuleSource.BUILTIN;
        } else {
            Path dir = Path.of(args.positional().get(0));
            if (!Files.isDirectory(dir)) {
                throw new UsageException(dir + " is not a directory");
            }
            loaded = RuleFiles.combine(RuleFiles.builtin(), RuleFiles.directory(dir));
            tested = RuleSource.CUSTOM;
        }
        int passed = 0;
        int failed = 0;
        for (RuleLoadError error : loaded.errors()) {
            out.line("ERROR " + error);
            failed++;
        }
        List<RuleDefinition> rules = loaded.rules().stream().filter(r -> r.source() == tested).toList();
        for (RuleDefinition rule : rules) {
            if (rule.tests().isEmpty()) {
                out.warn(rule.id() + " has no embedded tests (" + rule.origin() + ")");
            }
            for (RuleTestResult result : RuleTests.run(rule)) {
                if (result.passed()) {
                    passed++;
                } else {
                    out.line(result.describe());
                    failed++;
                }
            }
        }
        if (rules.isEmpty() && failed == 0) {
            out.line("0 passed, 0 failed");
            out.warn("no rule files (*.yml, *.yaml) found in " + args.positional().get(0));
            return Main.FAILED;
        }
        out.line(passed + " passed, " + failed + " failed");
        return failed == 0 ? Main.OK : Main.FAILED;
    }
}
