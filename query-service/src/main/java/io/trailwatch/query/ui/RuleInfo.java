package io.trailwatch.query.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule or outlier detector as rules-service describes it ({@code GET /api/v1/rules[/id]}).
 *
 * @param kind {@code rule} or {@code detector}
 * @param cis the CIS references by benchmark version, oldest version first as rules-service lists them
 */
public record RuleInfo(String kind, String id, String title, String severity, String category, boolean enabled,
                       String variant, String basedOn, String description, String remediation, String pattern,
                       String source, String origin, String detectorRule, List<CisRef> cis) {

    /** One CIS reference: the benchmark version and the control number in it. */
    public record CisRef(String version, String control) {
    }

    static RuleInfo of(JsonNode r) {
        return new RuleInfo(DeliveryRow.text(r, "kind"), DeliveryRow.text(r, "id"), DeliveryRow.text(r, "title"),
                DeliveryRow.text(r, "severity"), DeliveryRow.text(r, "category"), r.path("enabled").asBoolean(false),
                DeliveryRow.text(r, "variant"), DeliveryRow.text(r, "basedOn"), DeliveryRow.text(r, "description"),
                DeliveryRow.text(r, "remediation"), DeliveryRow.text(r, "pattern"), DeliveryRow.text(r, "source"),
                DeliveryRow.text(r, "origin"), DeliveryRow.text(r, "rule"), cisOf(r.path("cis")));
    }

    /** The references of a {@code {"v1.2.0": "3.3", ...}} object. */
    static List<CisRef> cisOf(JsonNode cis) {
        List<CisRef> refs = new ArrayList<>();
        if (cis.isObject()) {
            cis.fields().forEachRemaining(e -> refs.add(new CisRef(e.getKey(), e.getValue().asText())));
        }
        return refs;
    }

    /** The control number in {@code version}, or "" when the rule has none there. */
    public String cisIn(String version) {
        return cis.stream().filter(c -> c.version().equals(version)).map(CisRef::control).findFirst().orElse("");
    }

    /** Every reference on one line: {@code v1.2.0 3.3 · v7.0.0 5.3}. */
    public String cisSummary() {
        return String.join(" · ", cis.stream().map(c -> c.version() + " " + c.control()).toList());
    }

    /** The findings of this rule in the last 7 days. */
    public String findingsUrl() {
        return "/findings?range=7d&ruleId=" + PageFormat.seg(id);
    }

    public boolean isDetector() {
        return "detector".equals(kind);
    }
}
