package io.trailwatch.rules.engine.rule;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.rules.engine.cloudtrail.CloudTrailRecords;
import io.trailwatch.rules.engine.pattern.FilterPattern;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules in force: the built-in pack and custom rules compiled for one CIS benchmark version, indexed
 * for matching. Immutable and thread-safe; build a new one to reload.
 *
 * <p>Rules whose embedded tests fail, whose file is broken, or whose id is taken are left out and listed in
 * {@link #loadErrors()}. Rules that do not exist in the chosen benchmark version (e.g. Organizations changes
 * before v1.3.0) are not part of the set.
 */
public final class RuleSet {

    private final CisVersion cisVersion;
    private final List<Rule> rules;
    private final List<RuleLoadError> loadErrors;
    private final RuleIndex index;

    private RuleSet(CisVersion cisVersion, List<Rule> rules, List<RuleLoadError> loadErrors) {
        this.cisVersion = cisVersion;
        this.rules = List.copyOf(rules);
        this.loadErrors = List.copyOf(loadErrors);
        this.index = new RuleIndex(this.rules.stream().filter(Rule::enabled).toList());
    }

    /** The built-in pack at the newest benchmark version. */
    public static RuleSet builtin() {
        return load(RuleSetOptions.defaults());
    }

    public static RuleSet load(RuleSetOptions options) {
        List<RuleFiles.Result> parts = new ArrayList<>();
        if (options.includeBuiltin()) {
            parts.add(RuleFiles.builtin());
        }
        if (options.customDir() != null) {
            parts.add(RuleFiles.directory(options.customDir()));
        }
        RuleFiles.Result loaded = RuleFiles.combine(parts.toArray(RuleFiles.Result[]::new));
        List<RuleLoadError> errors = new ArrayList<>(loaded.errors());
        List<Rule> rules = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (RuleDefinition definition : loaded.rules()) {
            known.add(definition.id());
            List<RuleTestResult> failures = RuleTests.run(definition).stream().filter(r -> !r.passed()).toList();
            if (!failures.isEmpty()) {
                errors.add(new RuleLoadError(definition.origin(), definition.id(), "embedded test failed: "
                        + failures.get(0).describe()
                        + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : "")));
                continue;
            }
            Optional<FilterPattern> pattern = definition.patternFor(options.cisVersion());
            if (pattern.isEmpty()) {
                continue;
            }
            String id = definition.id();
            boolean enabled = (definition.enabled() || options.enable().contains(id))
                    && !options.disable().contains(id);
            rules.add(new Rule(definition, pattern.get(), enabled));
        }
        reportUnknown("enable", options.enable(), known, errors);
        reportUnknown("disable", options.disable(), known, errors);
        rules.sort(Comparator.comparing(Rule::id));
        return new RuleSet(options.cisVersion(), rules, errors);
    }

    private static void reportUnknown(String option, Set<String> ids, Set<String> known, List<RuleLoadError> errors) {
        for (String id : new TreeSet<>(ids)) {
            if (!known.contains(id)) {
                errors.add(new RuleLoadError("(" + option + " option)", id, option + ": no rule with id '" + id
                        + "' was loaded"));
            }
        }
    }

    public CisVersion cisVersion() {
        return cisVersion;
    }

    /** Every rule of the set, enabled or not, sorted by id. */
    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Files and options that could not be used, in load order. */
    public List<RuleLoadError> loadErrors() {
        return loadErrors;
    }

    /**
     * The enabled rules that match a CloudTrail record, sorted by id; an empty list (not allocated) when none
     * does, which is the common case.
     */
    public List<Rule> match(JsonNode record) {
        return index.match(Objects.requireNonNull(record, "record"));
    }

    /** Receives each record's evaluation, in file order. */
    @FunctionalInterface
    public interface EvaluationHandler {
        void accept(RecordEvaluation evaluation) throws IOException;
    }

    /**
     * Evaluates a CloudTrail log file ({@code {"Records":[...]}}, plain or gzip) record by record, as the CLI's
     * {@code eval} does.
     *
     * @param name how to call the file in error messages
     * @param maxBytes decompressed size limit
     * @return the number of records
     * @throws io.trailwatch.rules.engine.cloudtrail.InvalidCloudTrailFileException when the file is not a
     *     CloudTrail log file; the records before the problem have been handed over
     */
    public long evaluate(InputStream file, String name, long maxBytes, EvaluationHandler handler)
            throws IOException {
        return CloudTrailRecords.forEach(file, name, maxBytes,
                (index, record) -> handler.accept(new RecordEvaluation(index, record, match(record))));
    }
}
