package io.trailwatch.rules.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.trailwatch.rules.config.RulesConfig;
import io.trailwatch.rules.engine.outlier.DetectorDefinition;
import io.trailwatch.rules.engine.outlier.DetectorFiles;
import io.trailwatch.rules.engine.rule.CisVersion;
import io.trailwatch.rules.engine.rule.Rule;
import io.trailwatch.rules.engine.rule.RuleLoadError;
import io.trailwatch.rules.engine.rule.RuleSet;
import io.trailwatch.rules.engine.rule.RuleSetOptions;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The rules and outlier detectors in force, loaded once at start: the built-in pack for the configured benchmark
 * version, custom rules and detectors, and the operator's enable/disable overrides. A broken custom file is
 * reported (log, the {@code trailwatch.rules.load.errors} gauge, {@code GET /api/v1/rules}) and skipped; a wrong
 * setting stops the service with a message naming the key.
 */
@Startup
@Singleton
public class RuleCatalog {

    /** Detector ids start with this, so one enable/disable list can name rules and detectors. */
    public static final String DETECTOR_PREFIX = "outlier-";

    private static final Logger LOG = Logger.getLogger(RuleCatalog.class);

    private final RuleSetOptions options;
    private final RuleSet rules;
    private final List<DetectorDefinition> detectors;
    private final List<DetectorDefinition> activeDetectors;
    private final List<RuleLoadError> loadErrors;
    private final Map<CisVersion, RuleSet> byVersion = new ConcurrentHashMap<>();

    @Inject
    public RuleCatalog(RulesConfig config, MeterRegistry metrics) {
        this(config.cisVersion(), config.customDir(), config.detectorsDir(), config.enable().orElse(Set.of()),
                config.disable().orElse(Set.of()));
        Gauge.builder("trailwatch.rules.load.errors", this, c -> c.loadErrors().size())
                .description("rule and detector files (or options) that could not be used").register(metrics);
    }

    /**
     * @throws ConfigurationException when the benchmark version is not a known one
     */
    public RuleCatalog(Optional<String> cisVersion, Optional<Path> customDir, Optional<Path> detectorsDir,
            Set<String> enable, Set<String> disable) {
        CisVersion version;
        try {
            version = cisVersion.map(CisVersion::parse).orElse(CisVersion.LATEST);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("trailwatch.rules.cis-version: " + e.getMessage());
        }
        RuleSetOptions base = RuleSetOptions.defaults().withCisVersion(version)
                .withEnabled(ruleIds(enable)).withDisabled(ruleIds(disable));
        this.options = customDir.map(base::withCustomDir).orElse(base);
        this.rules = RuleSet.load(options);
        byVersion.put(version, rules);

        Path detectorDir = detectorsDir.orElseGet(() -> customDir.map(d -> d.resolve("detectors"))
                .filter(Files::isDirectory).orElse(null));
        Set<String> ruleIds = rules.rules().stream().map(Rule::id).collect(Collectors.toSet());
        DetectorFiles.Result loaded = DetectorFiles.load(detectorDir, ruleIds);
        List<RuleLoadError> errors = new ArrayList<>(rules.loadErrors());
        errors.addAll(loaded.errors());
        Set<String> detectorIds = new HashSet<>();
        List<DetectorDefinition> all = new ArrayList<>();
        for (DetectorDefinition d : loaded.detectors()) {
            detectorIds.add(d.id());
            boolean enabled = (d.enabled() || enable.contains(d.id())) && !disable.contains(d.id());
            all.add(enabled == d.enabled() ? d : new DetectorDefinition(d.id(), d.title(), d.severity(),
                    d.description(), d.ruleId(), d.groupBy(), d.parameters(), enabled, d.source(), d.origin()));
        }
        reportUnknownDetectors("enable", enable, detectorIds, errors);
        reportUnknownDetectors("disable", disable, detectorIds, errors);
        all.sort((a, b) -> a.id().compareTo(b.id()));
        this.detectors = List.copyOf(all);
        this.activeDetectors = detectors.stream().filter(DetectorDefinition::enabled).toList();
        this.loadErrors = List.copyOf(errors);

        for (RuleLoadError error : loadErrors) {
            LOG.errorf("not loaded: %s", error);
        }
        LOG.infof("%d rules loaded for CIS %s (%d enabled), %d outlier detectors (%d enabled), %d load errors%s",
                rules.rules().size(), rules.cisVersion(), rules.rules().stream().filter(Rule::enabled).count(),
                detectors.size(), activeDetectors.size(), loadErrors.size(),
                customDir.map(d -> "; custom rules from " + d).orElse("")
                        + (detectorDir == null ? "" : "; custom detectors from " + detectorDir));
    }

    /** The built-in pack at the newest benchmark version and the built-in detectors, nothing custom. */
    public static RuleCatalog builtin() {
        return new RuleCatalog(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), Set.of());
    }

    @Produces
    @Singleton
    RuleSet ruleSet() {
        return rules;
    }

    public RuleSet rules() {
        return rules;
    }

    /** The same rules (custom ones and overrides included) compiled with another benchmark version's patterns. */
    public RuleSet rulesFor(CisVersion version) {
        return byVersion.computeIfAbsent(version, v -> RuleSet.load(options.withCisVersion(v)));
    }

    /** Every loaded detector, enabled or not, sorted by id. */
    public List<DetectorDefinition> detectors() {
        return detectors;
    }

    /** The detectors that run on the stream. */
    public List<DetectorDefinition> activeDetectors() {
        return activeDetectors;
    }

    public Optional<DetectorDefinition> detector(String id) {
        return detectors.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Rule files, detector files and options that could not be used, in load order. */
    public List<RuleLoadError> loadErrors() {
        return loadErrors;
    }

    private static Set<String> ruleIds(Set<String> ids) {
        return ids.stream().filter(id -> !id.startsWith(DETECTOR_PREFIX)).collect(Collectors.toSet());
    }

    private static void reportUnknownDetectors(String option, Set<String> ids, Set<String> known,
            List<RuleLoadError> errors) {
        for (String id : new TreeSet<>(ids)) {
            if (id.startsWith(DETECTOR_PREFIX) && !known.contains(id)) {
                errors.add(new RuleLoadError("(" + option + " option)", id, option + ": no detector with id '" + id
                        + "' was loaded"));
            }
        }
    }
}
