package io.trailwatch.rules.engine.cli;

import io.trailwatch.rules.engine.rule.CisVersion;
import io.trailwatch.rules.engine.rule.RuleLoadError;
import io.trailwatch.rules.engine.rule.RuleSet;
import io.trailwatch.rules.engine.rule.RuleSetOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --cis-version V} and {@code --rules DIR} options shared by eval and outliers. */
final class RuleSetArguments {

    static final String CIS_VERSION = "--cis-version";
    static final String RULES = "--rules";

    private RuleSetArguments() {
    }

    /** Loads the rule set; broken custom rules are reported on stderr and skipped, as the service does. */
    static RuleSet load(Arguments args, Output out) throws UsageException, IOException {
        RuleSetOptions options = RuleSetOptions.defaults();
        String version = args.option(CIS_VERSION);
        if (version != null) {
            try {
                options = options.withCisVersion(CisVersion.parse(version));
            } catch (IllegalArgumentException e) {
                throw new UsageException(CIS_VERSION + ": " + e.getMessage());
            }
        }
        String dir = args.option(RULES);
        if (dir != null) {
            Path path = Path.of(dir);
            if (!Files.isDirectory(path)) {
                throw new UsageException(RULES + ": " + dir + " is not a directory");
            }
            options = options.withCustomDir(path);
        }
        RuleSet rules = RuleSet.load(options);
        for (RuleLoadError error : rules.loadErrors()) {
            out.warn("rule skipped: " + error);
        }
        return rules;
    }
}
