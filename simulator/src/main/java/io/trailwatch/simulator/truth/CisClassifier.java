package io.trailwatch.simulator.truth;

import io.trailwatch.simulator.event.CloudTrailEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which CIS patterns a generated record matches, with CloudWatch Logs semantics: {@code *} wildcards only
 * at the ends of a value, case-sensitive comparison, and {@code !=} false when the field is missing.
 */
public final class CisClassifier {

    private static final String CONSOLE_LOGIN = "ConsoleLogin";

    private CisClassifier() {
    }

    /** The rule ids of every pattern the record matches, in {@link CisRule} order; empty when none. */
    public static List<String> matches(CloudTrailEvent e) {
        List<String> out = null;
        for (CisRule rule : CisRule.values()) {
            if (matches(rule, e)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(rule.id());
            }
        }
        return out == null ? List.of() : out;
    }

    public static boolean matches(CisRule rule, CloudTrailEvent e) {
        String name = e.eventName();
        String source = e.eventSource();
        return switch (rule) {
            case UNAUTHORIZED_API_CALLS -> unauthorized(e);
            case CONSOLE_SIGNIN_WITHOUT_MFA -> CONSOLE_LOGIN.equals(name) && e.additional("MFAUsed") != null
                    && !"Yes".equals(e.additional("MFAUsed"));
            case ROOT_ACCOUNT_USAGE -> "Root".equals(e.identity().type()) && e.identity().invokedBy() == null
                    && e.eventType() != null && !CloudTrailEvent.SERVICE_EVENT.equals(e.eventType());
            case IAM_POLICY_CHANGES -> CisRule.Names.IAM_POLICY.contains(name);
            case CLOUDTRAIL_CONFIG_CHANGES -> CisRule.Names.CLOUDTRAIL.contains(name);
            case CONSOLE_AUTH_FAILURES -> CONSOLE_LOGIN.equals(name) && "Failed authentication".equals(e.errorMessage());
            case CMK_DISABLE_OR_DELETION -> "kms.amazonaws.com".equals(source)
                    && ("DisableKey".equals(name) || "ScheduleKeyDeletion".equals(name));
            case S3_BUCKET_POLICY_CHANGES -> "s3.amazonaws.com".equals(source)
                    && CisRule.Names.S3_BUCKET_POLICY.contains(name);
            case AWS_CONFIG_CHANGES -> "config.amazonaws.com".equals(source) && CisRule.Names.CONFIG.contains(name);
            case SECURITY_GROUP_CHANGES -> CisRule.Names.SECURITY_GROUP.contains(name);
            case NACL_CHANGES -> CisRule.Names.NACL.contains(name);
            case NETWORK_GATEWAY_CHANGES -> CisRule.Names.GATEWAY.contains(name);
            case ROUTE_TABLE_CHANGES -> CisRule.Names.ROUTE_TABLE.contains(name);
            case VPC_CHANGES -> CisRule.Names.VPC.contains(name);
            case ORGANIZATIONS_CHANGES -> "organizations.amazonaws.com".equals(source)
                    && CisRule.Names.ORGANIZATIONS.contains(name);
        };
    }

    /** {@code A || B && C && D} binds as {@code A || (B && C && D)}. */
    private static boolean unauthorized(CloudTrailEvent e) {
        String code = e.errorCode();
        if (code == null) {
            return false;
        }
        if (code.endsWith("UnauthorizedOperation")) {
            return true;
        }
        return code.startsWith("AccessDenied") && e.sourceIp() != null
                && !"delivery.logs.amazonaws.com".equals(e.sourceIp())
                && e.eventName() != null && !"HeadBucket".equals(e.eventName());
    }
}
