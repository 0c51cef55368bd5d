package io.trailwatch.simulator.truth;

import java.util.Set;

/**
 * The CIS AWS Foundations monitoring controls the simulator labels, with Trailwatch's stable rule ids and the
 * newest pattern of each (CIS v6.0.0 §5.1–5.15; §5.10 includes ModifySecurityGroupRules, added in v5.0.0; §5.2 is
 * the base form, without the optional IAMUser/Success variant).
 */
public enum CisRule {
    UNAUTHORIZED_API_CALLS("cis-unauthorized-api-calls", "5.1",
            "{ ($.errorCode=\"*UnauthorizedOperation\") || ($.errorCode =\"AccessDenied*\") && "
                    + "($.sourceIPAddress!=\"delivery.logs.amazonaws.com\") && ($.eventName!=\"HeadBucket\") }"),
    CONSOLE_SIGNIN_WITHOUT_MFA("cis-console-signin-without-mfa", "5.2",
            "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed !=\"Yes\") }"),
    ROOT_ACCOUNT_USAGE("cis-root-account-usage", "5.3",
            "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && "
                    + "$.eventType != \"AwsServiceEvent\" }"),
    IAM_POLICY_CHANGES("cis-iam-policy-changes", "5.4", names(Names.IAM_POLICY)),
    CLOUDTRAIL_CONFIG_CHANGES("cis-cloudtrail-config-changes", "5.5", names(Names.CLOUDTRAIL)),
    CONSOLE_AUTH_FAILURES("cis-console-auth-failures", "5.6",
            "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }"),
    CMK_DISABLE_OR_DELETION("cis-cmk-disable-or-deletion", "5.7",
            "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }"),
    S3_BUCKET_POLICY_CHANGES("cis-s3-bucket-policy-changes", "5.8",
            "{ ($.eventSource = s3.amazonaws.com) && " + names(Names.S3_BUCKET_POLICY) + " }"),
    AWS_CONFIG_CHANGES("cis-aws-config-changes", "5.9",
            "{ ($.eventSource = config.amazonaws.com) && " + names(Names.CONFIG) + " }"),
    SECURITY_GROUP_CHANGES("cis-security-group-changes", "5.10", names(Names.SECURITY_GROUP)),
    NACL_CHANGES("cis-nacl-changes", "5.11", names(Names.NACL)),
    NETWORK_GATEWAY_CHANGES("cis-network-gateway-changes", "5.12", names(Names.GATEWAY)),
    ROUTE_TABLE_CHANGES("cis-route-table-changes", "5.13", names(Names.ROUTE_TABLE)),
    VPC_CHANGES("cis-vpc-changes", "5.14", names(Names.VPC)),
    ORGANIZATIONS_CHANGES("cis-organizations-changes", "5.15",
            "{ ($.eventSource = organizations.amazonaws.com) && " + names(Names.ORGANIZATIONS) + " }");

    private final String id;
    private final String cisV6Section;
    private final String pattern;

    CisRule(String id, String cisV6Section, String pattern) {
        this.id = id;
        this.cisV6Section = cisV6Section;
        this.pattern = pattern;
    }

    public String id() {
        return id;
    }

    public String cisV6Section() {
        return cisV6Section;
    }

    /** The filter pattern this label follows (event-name lists rendered in CloudWatch Logs syntax). */
    public String pattern() {
        return pattern;
    }

    private static String names(Set<String> eventNames) {
        StringBuilder sb = new StringBuilder("(");
        eventNames.stream().sorted().forEach(n -> sb.append(sb.length() > 1 ? " || " : "")
                .append("($.eventName = ").append(n).append(")"));
        return sb.append(")").toString();
    }

    /** The event-name lists of the name-based controls, verbatim from the benchmark. */
    static final class Names {
        static final Set<String> IAM_POLICY = Set.of("DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy",
                "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy", "CreatePolicy", "DeletePolicy",
                "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy",
                "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy");
        static final Set<String> CLOUDTRAIL = Set.of("CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging",
                "StopLogging");
        static final Set<String> S3_BUCKET_POLICY = Set.of("PutBucketAcl", "PutBucketPolicy", "PutBucketCors",
                "PutBucketLifecycle", "PutBucketReplication", "DeleteBucketPolicy", "DeleteBucketCors",
                "DeleteBucketLifecycle", "DeleteBucketReplication");
        static final Set<String> CONFIG = Set.of("StopConfigurationRecorder", "DeleteDeliveryChannel",
                "PutDeliveryChannel", "PutConfigurationRecorder");
        static final Set<String> SECURITY_GROUP = Set.of("AuthorizeSecurityGroupIngress",
                "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
                "CreateSecurityGroup", "DeleteSecurityGroup", "ModifySecurityGroupRules");
        static final Set<String> NACL = Set.of("CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl",
                "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation");
        static final Set<String> GATEWAY = Set.of("CreateCustomerGateway", "DeleteCustomerGateway",
                "AttachInternetGateway", "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway");
        static final Set<String> ROUTE_TABLE = Set.of("CreateRoute", "CreateRouteTable", "ReplaceRoute",
                "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable");
        static final Set<String> VPC = Set.of("CreateVpc", "DeleteVpc", "ModifyVpcAttribute",
                "AcceptVpcPeeringConnection", "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection",
                "RejectVpcPeeringConnection", "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink",
                "EnableVpcClassicLink");
        static final Set<String> ORGANIZATIONS = Set.of("AcceptHandshake", "AttachPolicy", "CreateAccount",
                "CreateOrganizationalUnit", "CreatePolicy", "DeclineHandshake", "DeleteOrganization",
                "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy", "DisablePolicyType", "EnablePolicyType",
                "InviteAccountToOrganization", "LeaveOrganization", "MoveAccount", "RemoveAccountFromOrganization",
                "UpdatePolicy", "UpdateOrganizationalUnit");

        private Names() {
        }
    }
}
