package io.trailwatch.query.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CIS AWS Foundations dashboard: two sections of panels, each panel counting the findings of one CIS monitoring
 * rule (and its tuned variant, which operators enable instead of the default). Rules outside the layout (custom
 * rules, outlier detectors) get a panel of their own in a third section when they have findings.
 */
public final class DashboardLayout {

    /** A panel and the rules whose findings it counts; {@code highlights} are event names counted separately. */
    public record PanelSpec(String id, String title, List<String> ruleIds, List<Highlight> highlights) {
    }

    /** Findings of a panel with one eventName, e.g. root console sign-ins among root account usage. */
    public record Highlight(String eventName, String title) {
    }

    public record SectionSpec(String id, String title, List<PanelSpec> panels) {
    }

    public static final String OTHER_SECTION = "other";

    public static final List<SectionSpec> SECTIONS = List.of(
            new SectionSpec("access", "Access and authentication", List.of(
                    panel("console-signin-without-mfa", "Console logins without MFA",
                            "cis-console-signin-without-mfa"),
                    panel("console-auth-failures", "Failed console logins", "cis-console-auth-failures"),
                    new PanelSpec("root-account-usage", "Root account usage",
                            List.of("cis-root-account-usage", "cis-root-account-usage-tuned"),
                            List.of(new Highlight("ConsoleLogin", "Root console sign-ins"))),
                    panel("unauthorized-api-calls", "Unauthorized API requests", "cis-unauthorized-api-calls"),
                    panel("cmk-disable-or-deletion", "Disabled or scheduled deletion of KMS keys",
                            "cis-cmk-disable-or-deletion"))),
            new SectionSpec("configuration", "Configuration changes", List.of(
                    panel("aws-config-changes", "AWS Config changes", "cis-aws-config-changes"),
                    panel("iam-policy-changes", "IAM policy changes", "cis-iam-policy-changes"),
                    panel("cloudtrail-config-changes", "CloudTrail changes", "cis-cloudtrail-config-changes"),
                    panel("network-gateway-changes", "Network gateway changes", "cis-network-gateway-changes"),
                    panel("route-table-changes", "Route table changes", "cis-route-table-changes"),
                    panel("nacl-changes", "Network ACL changes", "cis-nacl-changes"),
                    panel("security-group-changes", "Security group changes", "cis-security-group-changes"),
                    panel("vpc-changes", "VPC changes", "cis-vpc-changes"),
                    panel("s3-bucket-policy-changes", "S3 bucket policy changes", "cis-s3-bucket-policy-changes"),
                    panel("organizations-changes", "AWS Organizations changes", "cis-organizations-changes"))));

    private DashboardLayout() {
    }

    /** Every rule id of the layout mapped to its panel id. */
    public static Map<String, String> panelOfRule() {
        Map<String, String> map = new LinkedHashMap<>();
        for (SectionSpec section : SECTIONS) {
            for (PanelSpec panel : section.panels()) {
                panel.ruleIds().forEach(rule -> map.put(rule, panel.id()));
            }
        }
        return map;
    }

    /** A panel for the rule and its tuned variant. */
    private static PanelSpec panel(String id, String title, String ruleId) {
        return new PanelSpec(id, title, List.of(ruleId, ruleId + "-tuned"), List.of());
    }
}
