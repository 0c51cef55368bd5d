package io.trailwatch.rules.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.trailwatch.contracts.Category;
import io.trailwatch.contracts.Severity;
import io.trailwatch.rules.engine.outlier.DetectorDefinition;
import io.trailwatch.rules.engine.outlier.OutlierParameters;
import io.trailwatch.rules.engine.outlier.Timeslice;
import io.trailwatch.rules.engine.rule.Rule;
import io.trailwatch.rules.engine.rule.RuleLoadError;
import io.trailwatch.rules.engine.rule.RuleSource;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the rules API. */
final class RuleViews {

    private RuleViews() {
    }

    /** GET /api/v1/rules. */
    record Catalog(String cisVersion, List<RuleView> rules, List<DetectorView> detectors,
            List<LoadError> loadErrors, GeoView geo) {
    }

    /**
     * A rule compiled for the configured benchmark version.
     *
     * @param cis control per benchmark version, e.g. {"v1.2.0": "3.3", "v1.3.0": "4.3", ...}
     * @param variant "tuned" for rules that deliberately differ from the CIS text; absent otherwise
     * @param pattern the filter pattern in force
     * @param origin the file it came from: builtin:&lt;resource&gt; or a path in the custom directory
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RuleView(String kind, String id, String title, Severity severity, Category category, boolean enabled,
            Map<String, String> cis, String description, String remediation, RuleSource source, String variant,
            String basedOn, String pattern, String origin) {

        static RuleView of(Rule r) {
            return new RuleView("rule", r.id(), r.title(), r.severity(), r.category(), r.enabled(), r.cis(),
                    r.description(), r.remediation(), r.source(), r.variant(), r.basedOn(), r.pattern().source(),
                    r.origin());
        }
    }

    /** An outlier detector: findings carry its id as ruleId. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DetectorView(String kind, String id, String title, Severity severity, Category category, boolean enabled,
            String description, RuleSource source, String origin, String rule, String groupBy, String timeslice,
            int window, double threshold, int consecutive, String direction, long minCount, boolean seasonal) {

        static DetectorView of(DetectorDefinition d) {
            OutlierParameters p = d.parameters();
            return new DetectorView("detector", d.id(), d.title(), d.severity(), d.category(), d.enabled(),
                    d.description(), d.source(), d.origin(), d.ruleId(), d.groupBy().toString(),
                    Timeslice.format(p.timeslice()), p.window(), p.threshold(), p.consecutive(),
                    p.direction().symbol(), p.minCount(), p.seasonal());
        }
    }

    /** A rule file, detector file or option that could not be used; the rest loaded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LoadError(String file, String id, String message) {

        static LoadError of(RuleLoadError e) {
            return new LoadError(e.file(), e.ruleId(), e.message());
        }
    }

    /** Where geolocation comes from, with the attribution its licence requires. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GeoView(String countryDatabase, String cityDatabase, String attribution) {
    }
}
