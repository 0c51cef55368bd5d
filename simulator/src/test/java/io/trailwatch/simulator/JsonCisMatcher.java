package io.trailwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An independent reading of the newest CIS patterns over the JSON a record was written as, to check the
 * generator's own labels (which it computes from its in-memory model before serialising).
 */
final class JsonCisMatcher {

    private JsonCisMatcher() {
    }

    static List<String> matches(JsonNode r) {
        List<String> out = new ArrayList<>();
        String name = text(r, "eventName");
        String source = text(r, "eventSource");
        String code = text(r, "errorCode");
        String ip = text(r, "sourceIPAddress");
        if (code != null && (code.endsWith("UnauthorizedOperation") || (code.startsWith("AccessDenied")
                && ip != null && !ip.equals("delivery.logs.amazonaws.com") && name != null
                && !name.equals("HeadBucket")))) {
            out.add("cis-unauthorized-api-calls");
        }
        String mfaUsed = text(r.path("additionalEventData"), "MFAUsed");
        if ("ConsoleLogin".equals(name) && mfaUsed != null && !mfaUsed.equals("Yes")) {
            out.add("cis-console-signin-without-mfa");
        }
        JsonNode id = r.path("userIdentity");
        String eventType = text(r, "eventType");
        if ("Root".equals(text(id, "type")) && !id.has("invokedBy") && eventType != null
                && !eventType.equals("AwsServiceEvent")) {
            out.add("cis-root-account-usage");
        }
        if (in(name, "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy",
                "PutUserPolicy", "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion",
                "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy",
                "DetachGroupPolicy")) {
            out.add("cis-iam-policy-changes");
        }
        if (in(name, "CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging")) {
            out.add("cis-cloudtrail-config-changes");
        }
        if ("ConsoleLogin".equals(name) && "Failed authentication".equals(text(r, "errorMessage"))) {
            out.add("cis-console-auth-failures");
        }
        if ("kms.amazonaws.com".equals(source) && in(name, "DisableKey", "ScheduleKeyDeletion")) {
            out.add("cis-cmk-disable-or-deletion");
        }
        if ("s3.amazonaws.com".equals(source) && in(name, "PutBucketAcl", "PutBucketPolicy", "PutBucketCors",
                "PutBucketLifecycle", "PutBucketReplication", "DeleteBucketPolicy", "DeleteBucketCors",
                "DeleteBucketLifecycle", "DeleteBucketReplication")) {
            out.add("cis-s3-bucket-policy-changes");
        }
        if ("config.amazonaws.com".equals(source) && in(name, "StopConfigurationRecorder", "DeleteDeliveryChannel",
                "PutDeliveryChannel", "PutConfigurationRecorder")) {
            out.add("cis-aws-config-changes");
        }
        if (in(name, "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress",
                "RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup", "ModifySecurityGroupRules")) {
            out.add("cis-security-group-changes");
        }
        if (in(name, "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry",
                "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation")) {
            out.add("cis-nacl-changes");
        }
        if (in(name, "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway",
                "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway")) {
            out.add("cis-network-gateway-changes");
        }
        if (in(name, "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation",
                "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable")) {
            out.add("cis-route-table-changes");
        }
        if (in(name, "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection",
                "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection",
                "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink")) {
            out.add("cis-vpc-changes");
        }
        if ("organizations.amazonaws.com".equals(source) && in(name, "AcceptHandshake", "AttachPolicy",
                "CreateAccount", "CreateOrganizationalUnit", "CreatePolicy", "DeclineHandshake", "DeleteOrganization",
                "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy", "DisablePolicyType", "EnablePolicyType",
                "InviteAccountToOrganization", "LeaveOrganization", "MoveAccount", "RemoveAccountFromOrganization",
                "UpdatePolicy", "UpdateOrganizationalUnit")) {
            out.add("cis-organizations-changes");
        }
        return out;
    }

    /** A scalar field's text; null when missing or not a scalar (CloudWatch Logs does not match those). */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
    }

    private static boolean in(String value, String... options) {
        return value != null && Set.of(options).contains(value);
    }
}
