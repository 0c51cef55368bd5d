package io.trailwatch.rules.engine.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads rule definitions: the built-in pack from the classpath, custom rules from a directory. A file that
 * cannot be used becomes a {@link RuleLoadError}; it never stops the other files from loading.
 */
public final class RuleFiles {

    /** Lists the built-in rule resources, one per line (a jar cannot be listed portably). */
    public static final String BUILTIN_INDEX = "rules/builtin.txt";

    /** Rule files above this size are refused rather than parsed. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;

    private RuleFiles() {
    }

    /** Definitions that loaded, and the files that did not. */
    public record Result(List<RuleDefinition> rules, List<RuleLoadError> errors) {

        public Result {
            rules = List.copyOf(rules);
            errors = List.copyOf(errors);
        }
    }

    /** The built-in pack shipped in the jar. */
    public static Result builtin() {
        List<RuleDefinition> rules = new ArrayList<>();
        List<RuleLoadError> errors = new ArrayList<>();
        for (String resource : builtinResources()) {
            String origin = "builtin:" + resource;
            try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    errors.add(new RuleLoadError(origin, null, "listed in " + BUILTIN_INDEX + " but missing"));
                    continue;
                }
                add(origin, RuleSource.BUILTIN, in.readAllBytes(), rules, errors);
            } catch (IOException e) {
                errors.add(new RuleLoadError(origin, null, "cannot read: " + e.getMessage()));
            }
        }
        return new Result(rules, errors);
    }

    /**
     * Every {@code *.yml} and {@code *.yaml} file directly in {@code dir}, in name order. Hidden entries are
     * skipped and symbolic links followed, which is how a Kubernetes ConfigMap volume looks.
     */
    public static Result directory(Path dir) {
        List<RuleDefinition> rules = new ArrayList<>();
        List<RuleLoadError> errors = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            errors.add(new RuleLoadError(dir.toString(), null, Files.exists(dir)
                    ? "not a directory" : "custom rules directory does not exist"));
            return new Result(rules, errors);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (!name.startsWith(".") && (lower.endsWith(".yml") || lower.endsWith(".yaml"))
                        && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            errors.add(new RuleLoadError(dir.toString(), null, "cannot list the directory: " + e.getMessage()));
            return new Result(rules, errors);
        }
        files.sort(Path::compareTo);
        for (Path file : files) {
            try {
                long size = Files.size(file);
                if (size > MAX_FILE_BYTES) {
                    errors.add(new RuleLoadError(file.toString(), null, "file is " + size + " bytes; rule files "
                            + "are limited to " + MAX_FILE_BYTES + " bytes"));
                    continue;
                }
                add(file.toString(), RuleSource.CUSTOM, Files.readAllBytes(file), rules, errors);
            } catch (IOException e) {
                errors.add(new RuleLoadError(file.toString(), null, "cannot read: " + e.getMessage()));
            }
        }
        return new Result(rules, errors);
    }

    /**
     * Concatenates results in priority order. When two files declare the same id, the first one wins and the
     * later one is reported, so a custom rule can never silently replace a built-in one.
     */
    public static Result combine(Result... parts) {
        List<RuleDefinition> rules = new ArrayList<>();
        List<RuleLoadError> errors = new ArrayList<>();
        Map<String, RuleDefinition> byId = new HashMap<>();
        for (Result part : parts) {
            errors.addAll(part.errors());
            for (RuleDefinition rule : part.rules()) {
                RuleDefinition first = byId.putIfAbsent(rule.id(), rule);
                if (first == null) {
                    rules.add(rule);
                } else {
                    errors.add(new RuleLoadError(rule.origin(), rule.id(), "duplicate rule id '" + rule.id()
                            + "': already defined by " + first.origin()));
                }
            }
        }
        return new Result(rules, errors);
    }

    private static void add(String origin, RuleSource source, byte[] content, List<RuleDefinition> rules,
            List<RuleLoadError> errors) {
        try {
            rules.add(RuleFileParser.parse(origin, source, content));
        } catch (InvalidRuleException e) {
            errors.add(new RuleLoadError(origin, e.ruleId(), e.getMessage()));
        }
    }

    private static List<String> builtinResources() {
        try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(BUILTIN_INDEX)) {
            if (in == null) {
                throw new IllegalStateException(BUILTIN_INDEX + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILTIN_INDEX, e);
        }
    }
}
