package io.trailwatch.simulator.traffic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.event.Resource;
import io.trailwatch.simulator.event.TimeText;
import io.trailwatch.simulator.org.Network;
import io.trailwatch.simulator.random.RandomIds;

import java.util.List;

import static io.trailwatch.simulator.event.Json.arr;
import static io.trailwatch.simulator.event.Json.items;
import static io.trailwatch.simulator.event.Json.obj;

/**
 * The API calls of background traffic, with the request and response shapes CloudTrail records for them. Calls
 * that scenarios make live with the scenarios.
 */
public final class Calls {

    public static final String EC2 = "ec2.amazonaws.com";
    public static final String S3 = "s3.amazonaws.com";
    public static final String IAM = "iam.amazonaws.com";
    public static final String STS = "sts.amazonaws.com";
    public static final String KMS = "kms.amazonaws.com";
    public static final String SIGNIN = "signin.amazonaws.com";
    public static final String SSO = "sso.amazonaws.com";
    public static final String CLOUDTRAIL = "cloudtrail.amazonaws.com";
    public static final String CONFIG = "config.amazonaws.com";
    public static final String ORGANIZATIONS = "organizations.amazonaws.com";

    private Calls() {
    }

    // ---- EC2 reads -------------------------------------------------------------------------------------------

    public static final Call DESCRIBE_INSTANCES = (e, c) -> e.api(EC2, "DescribeInstances", true)
            .requestParameters(obj("instancesSet", obj(), "filterSet", obj()));

    public static final Call DESCRIBE_SECURITY_GROUPS = (e, c) -> e.api(EC2, "DescribeSecurityGroups", true)
            .requestParameters(obj("securityGroupSet", obj(), "securityGroupIdSet", obj(),
                    "filterSet", items(vpcFilter(c.network().vpcId()))));

    public static final Call DESCRIBE_VPCS = (e, c) -> e.api(EC2, "DescribeVpcs", true)
            .requestParameters(obj("vpcSet", obj(), "filterSet", obj()));

    public static final Call DESCRIBE_SUBNETS = (e, c) -> e.api(EC2, "DescribeSubnets", true)
            .requestParameters(obj("subnetSet", obj(), "filterSet", items(vpcFilter(c.network().vpcId()))));

    public static final Call DESCRIBE_ROUTE_TABLES = (e, c) -> e.api(EC2, "DescribeRouteTables", true)
            .requestParameters(obj("routeTableIdSet", obj(), "filterSet", obj()));

    public static final Call DESCRIBE_VOLUMES = (e, c) -> e.api(EC2, "DescribeVolumes", true)
            .requestParameters(obj("volumeSet", obj(), "filterSet", obj()));

    public static final Call DESCRIBE_NETWORK_INTERFACES = (e, c) -> e.api(EC2, "DescribeNetworkInterfaces", true)
            .requestParameters(obj("networkInterfaceIdSet",
                    items(obj("networkInterfaceId", c.any(c.network().networkInterfaceIds()))), "filterSet", obj()));

    public static final Call DESCRIBE_INSTANCE_STATUS = (e, c) -> e.api(EC2, "DescribeInstanceStatus", true)
            .requestParameters(obj("instancesSet", items(obj("instanceId", c.any(c.network().instanceIds()))),
                    "filterSet", obj(), "includeAllInstances", false));

    // ---- EC2 writes ------------------------------------------------------------------------------------------

    public static final Call CREATE_TAGS = (e, c) -> e.api(EC2, "CreateTags", false)
            .requestParameters(obj("resourcesSet", items(obj("resourceId", c.any(c.network().instanceIds()))),
                    "tagSet", items(obj("key", "Deployment", "value", TimeText.iso(c.time())))))
            .responseElements(ec2Return(c));

    public static final Call STOP_INSTANCES = (e, c) -> {
        String instance = c.any(c.network().instanceIds());
        e.api(EC2, "StopInstances", false)
                .requestParameters(obj("instancesSet", items(obj("instanceId", instance)), "force", false))
                .responseElements(obj("requestId", RandomIds.uuid(c.rng()), "instancesSet", items(obj(
                        "instanceId", instance, "currentState", obj("code", 64, "name", "stopping"),
                        "previousState", obj("code", 16, "name", "running")))));
    };

    public static final Call START_INSTANCES = (e, c) -> {
        String instance = c.any(c.network().instanceIds());
        e.api(EC2, "StartInstances", false)
                .requestParameters(obj("instancesSet", items(obj("instanceId", instance))))
                .responseElements(obj("requestId", RandomIds.uuid(c.rng()), "instancesSet", items(obj(
                        "instanceId", instance, "currentState", obj("code", 0, "name", "pending"),
                        "previousState", obj("code", 80, "name", "stopped")))));
    };

    /** CI opening an internal port: a benign change that still matches the CIS security-group pattern. */
    public static final Call AUTHORIZE_INTERNAL_INGRESS = (e, c) -> {
        Network.SecurityGroup group = c.any(c.network().securityGroups());
        int port = c.any(List.of(443, 8080, 5432, 9090));
        e.api(EC2, "AuthorizeSecurityGroupIngress", false)
                .requestParameters(obj("groupId", group.id(), "ipPermissions", items(permission("tcp", port, port,
                        "10.0.0.0/8", "internal " + port))))
                .responseElements(obj("requestId", RandomIds.uuid(c.rng()), "_return", true,
                        "securityGroupRuleSet", items(obj("groupOwnerId", c.account().id(), "groupId", group.id(),
                                "securityGroupRuleId", "sgr-" + RandomIds.hex(c.rng(), 17), "isEgress", false,
                                "ipProtocol", "tcp", "fromPort", port, "toPort", port, "cidrIpv4", "10.0.0.0/8",
                                "description", "internal " + port))));
    };

    public static final Call REVOKE_INTERNAL_INGRESS = (e, c) -> {
        Network.SecurityGroup group = c.any(c.network().securityGroups());
        int port = c.any(List.of(443, 8080, 5432, 9090));
        e.api(EC2, "RevokeSecurityGroupIngress", false)
                .requestParameters(obj("groupId", group.id(), "ipPermissions", items(permission("tcp", port, port,
                        "10.0.0.0/8", null))))
                .responseElements(ec2Return(c));
    };

    public static final Call MODIFY_SECURITY_GROUP_RULES = (e, c) -> {
        Network.SecurityGroup group = c.any(c.network().securityGroups());
        e.api(EC2, "ModifySecurityGroupRules", false)
                .requestParameters(obj("ModifySecurityGroupRulesRequest", obj("GroupId", group.id(),
                        "SecurityGroupRule", obj("tag", 1, "SecurityGroupRuleId", "sgr-" + RandomIds.hex(c.rng(), 17),
                                "SecurityGroupRule", obj("Description", "app tier (managed by terraform)",
                                        "IpProtocol", "tcp", "FromPort", 8080, "ToPort", 8080,
                                        "CidrIpv4", c.network().vpcCidr())))))
                .responseElements(obj("ModifySecurityGroupRulesResponse", obj("requestId", RandomIds.uuid(c.rng()),
                        "return", true, "xmlns", "http://ec2.amazonaws.com/doc/2016-11-15/")));
    };

    /** Routes to the transit gateway, changed by Terraform in the network account. */
    public static final Call CREATE_TRANSIT_ROUTE = (e, c) -> e.api(EC2, "CreateRoute", false)
            .requestParameters(obj("routeTableId", c.network().privateRouteTableId(),
                    "destinationCidrBlock", "10." + (64 + c.rng().nextInt(64)) + ".0.0/16",
                    "transitGatewayId", "tgw-" + RandomIds.hex(c.rng(), 17)))
            .responseElements(ec2Return(c));

    // ---- S3 --------------------------------------------------------------------------------------------------

    public static final Call LIST_BUCKETS = (e, c) -> {
        e.api(S3, "ListBuckets", true).requestParameters(obj("Host", "s3.amazonaws.com"))
                .additionalEventData(s3Additional(c, 0, 2048 + c.rng().nextInt(4096)))
                .tlsHost("s3.amazonaws.com");
    };

    public static final Call GET_BUCKET_POLICY = (e, c) -> {
        String bucket = c.any(c.network().buckets());
        bucketCall(e, c, "GetBucketPolicy", true, bucket, "policy");
        if (c.rng().nextInt(3) == 0) {
            e.error("NoSuchBucketPolicy", "The bucket policy does not exist");
        }
    };

    public static final Call GET_BUCKET_ACL = (e, c) ->
            bucketCall(e, c, "GetBucketAcl", true, c.any(c.network().buckets()), "acl");

    public static final Call GET_BUCKET_LOCATION = (e, c) ->
            bucketCall(e, c, "GetBucketLocation", true, c.any(c.network().buckets()), "location");

    public static final Call GET_BUCKET_ENCRYPTION = (e, c) ->
            bucketCall(e, c, "GetBucketEncryption", true, c.any(c.network().buckets()), "encryption");

    public static final Call HEAD_BUCKET = (e, c) ->
            bucketCall(e, c, "HeadBucket", true, c.any(c.network().buckets()), null);

    public static final Call PUT_BUCKET_TAGGING = (e, c) -> {
        bucketCall(e, c, "PutBucketTagging", false, c.any(c.network().buckets()), "tagging");
        e.requestParameters().set("Tagging", obj("xmlns", "http://s3.amazonaws.com/doc/2006-03-01/",
                "TagSet", obj("Tag", arr(obj("Key", "team", "Value", "platform")))));
    };

    /** A lifecycle rule from Terraform: benign, and matched by the CIS S3 bucket-policy pattern. */
    public static final Call PUT_BUCKET_LIFECYCLE = (e, c) -> {
        bucketCall(e, c, "PutBucketLifecycle", false, c.any(c.network().buckets()), "lifecycle");
        e.requestParameters().set("LifecycleConfiguration", obj("xmlns", "http://s3.amazonaws.com/doc/2006-03-01/",
                "Rule", obj("ID", "expire-tmp", "Status", "Enabled", "Filter", obj("Prefix", "tmp/"),
                        "Expiration", obj("Days", 30))));
    };

    // ---- IAM (global) ----------------------------------------------------------------------------------------

    public static final Call LIST_ROLES = (e, c) -> e.api(IAM, "ListRoles", true).requestParameters(null);

    public static final Call LIST_USERS = (e, c) -> e.api(IAM, "ListUsers", true).requestParameters(null);

    public static final Call GET_ROLE = (e, c) -> {
        String role = c.any(List.of("payments-api-task", "github-actions-deploy", "terraform-apply",
                "OrganizationAccountAccessRole", "legacy-cron-role"));
        e.api(IAM, "GetRole", true).requestParameters(obj("roleName", role));
        if (role.startsWith("legacy")) {
            e.error("NoSuchEntityException", "The role with name " + role + " cannot be found.");
        }
    };

    public static final Call LIST_ATTACHED_ROLE_POLICIES = (e, c) -> e.api(IAM, "ListAttachedRolePolicies", true)
            .requestParameters(obj("roleName", c.any(List.of("payments-api-task", "web-frontend-ec2",
                    "terraform-apply"))));

    public static final Call GET_POLICY_VERSION = (e, c) -> e.api(IAM, "GetPolicyVersion", true)
            .requestParameters(obj("policyArn", appPolicyArn(c), "versionId", "v" + (2 + c.rng().nextInt(9))));

    /** Terraform publishing a new policy version (and pruning an old one): benign CIS IAM-policy matches. */
    public static final Call CREATE_POLICY_VERSION = (e, c) -> {
        String version = "v" + (3 + c.rng().nextInt(20));
        e.api(IAM, "CreatePolicyVersion", false)
                .requestParameters(obj("policyArn", appPolicyArn(c), "policyDocument",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                                + "[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::"
                                + c.network().buckets().get(0) + "/*\"}]}", "setAsDefault", true))
                .responseElements(obj("policyVersion", obj("versionId", version, "isDefaultVersion", true,
                        "createDate", TimeText.responseDate(c.time()))));
    };

    public static final Call DELETE_POLICY_VERSION = (e, c) -> e.api(IAM, "DeletePolicyVersion", false)
            .requestParameters(obj("policyArn", appPolicyArn(c), "versionId", "v" + (1 + c.rng().nextInt(3))))
            .responseElements(null);

    // ---- STS -------------------------------------------------------------------------------------------------

    public static final Call GET_CALLER_IDENTITY = (e, c) -> e.api(STS, "GetCallerIdentity", true)
            .requestParameters(null);

    // ---- KMS, Secrets Manager, SSM, Lambda, logs, others -----------------------------------------------------

    public static final Call KMS_DECRYPT = (e, c) -> {
        String key = c.any(c.network().kmsKeyIds());
        e.api(KMS, "Decrypt", true).requestParameters(obj("encryptionAlgorithm", "SYMMETRIC_DEFAULT"))
                .resources(List.of(kmsKey(c, key)));
    };

    public static final Call KMS_GENERATE_DATA_KEY = (e, c) -> {
        String key = c.any(c.network().kmsKeyIds());
        e.api(KMS, "GenerateDataKey", true)
                .requestParameters(obj("keyId", "alias/" + c.account().name() + "-data", "keySpec", "AES_256"))
                .resources(List.of(kmsKey(c, key)));
    };

    public static final Call KMS_DESCRIBE_KEY = (e, c) -> {
        String key = c.any(c.network().kmsKeyIds());
        e.api(KMS, "DescribeKey", true).requestParameters(obj("keyId", c.network().kmsKeyArn(key)))
                .resources(List.of(kmsKey(c, key)));
    };

    public static final Call KMS_LIST_ALIASES = (e, c) -> e.api(KMS, "ListAliases", true).requestParameters(null);

    public static final Call GET_SECRET_VALUE = (e, c) -> e.api("secretsmanager.amazonaws.com", "GetSecretValue",
            true).requestParameters(obj("secretId", c.network().secretArn(c.any(c.network().secrets()))));

    public static final Call GET_PARAMETER = (e, c) -> e.api("ssm.amazonaws.com", "GetParameter", true)
            .requestParameters(obj("name", c.any(c.network().parameters()), "withDecryption", true));

    public static final Call DESCRIBE_INSTANCE_INFORMATION = (e, c) -> e.api("ssm.amazonaws.com",
            "DescribeInstanceInformation", true).requestParameters(obj("maxResults", 50));

    public static final Call LIST_FUNCTIONS = (e, c) -> e.api("lambda.amazonaws.com", "ListFunctions20150331",
            true).requestParameters(null);

    public static final Call GET_FUNCTION = (e, c) -> e.api("lambda.amazonaws.com", "GetFunction20150331v2", true)
            .requestParameters(obj("functionName", c.any(c.network().functions())));

    public static final Call UPDATE_FUNCTION_CODE = (e, c) -> {
        String fn = c.any(c.network().functions());
        e.api("lambda.amazonaws.com", "UpdateFunctionCode20150331v2", false)
                .requestParameters(obj("functionName", fn, "publish", true, "dryRun", false))
                .responseElements(obj("functionName", fn, "functionArn", "arn:aws:lambda:" + c.region() + ":"
                        + c.account().id() + ":function:" + fn, "runtime", "python3.12",
                        "codeSize", 180_000 + c.rng().nextInt(900_000), "version", String.valueOf(
                                1 + c.rng().nextInt(200)), "lastUpdateStatus", "InProgress"));
    };

    public static final Call DESCRIBE_LOG_GROUPS = (e, c) -> e.api("logs.amazonaws.com", "DescribeLogGroups", true)
            .requestParameters(obj("limit", 50));

    public static final Call CREATE_LOG_STREAM = (e, c) -> e.api("logs.amazonaws.com", "CreateLogStream", false)
            .requestParameters(obj("logGroupName", "/aws/lambda/" + c.any(c.network().functions()),
                    "logStreamName", TimeText.datePath(c.time()) + "/[$LATEST]" + RandomIds.hex(c.rng(), 32)))
            .responseElements(null);

    public static final Call DESCRIBE_ALARMS = (e, c) -> e.api("monitoring.amazonaws.com", "DescribeAlarms", true)
            .requestParameters(obj("maxRecords", 100));

    public static final Call DESCRIBE_TABLE = (e, c) -> e.api("dynamodb.amazonaws.com", "DescribeTable", true)
            .requestParameters(obj("tableName", c.any(c.network().tables())));

    public static final Call ECR_AUTHORIZATION_TOKEN = (e, c) -> e.api("ecr.amazonaws.com",
            "GetAuthorizationToken", true).requestParameters(null);

    public static final Call DESCRIBE_SERVICES = (e, c) -> e.api("ecs.amazonaws.com", "DescribeServices", true)
            .requestParameters(obj("cluster", c.account().name(), "services", arr("payments-api", "orders-worker")));

    public static final Call UPDATE_SERVICE = (e, c) -> e.api("ecs.amazonaws.com", "UpdateService", false)
            .requestParameters(obj("cluster", c.account().name(), "service", "payments-api",
                    "forceNewDeployment", true))
            .responseElements(obj("service", obj("serviceName", "payments-api", "status", "ACTIVE",
                    "desiredCount", 3)));

    public static final Call DESCRIBE_TARGET_HEALTH = (e, c) -> e.api("elasticloadbalancing.amazonaws.com",
            "DescribeTargetHealth", true).requestParameters(obj("targetGroupArn", "arn:aws:elasticloadbalancing:"
            + c.region() + ":" + c.account().id() + ":targetgroup/app/" + RandomIds.hex(c.rng(), 16)));

    public static final Call DESCRIBE_AUTO_SCALING_GROUPS = (e, c) -> e.api("autoscaling.amazonaws.com",
            "DescribeAutoScalingGroups", true).requestParameters(obj("maxRecords", 100));

    public static final Call DESCRIBE_DB_INSTANCES = (e, c) -> e.api("rds.amazonaws.com", "DescribeDBInstances",
            true).requestParameters(null);

    public static final Call DESCRIBE_STACKS = (e, c) -> e.api("cloudformation.amazonaws.com", "DescribeStacks",
            true).requestParameters(null);

    public static final Call DESCRIBE_TRAILS = (e, c) -> e.api(CLOUDTRAIL, "DescribeTrails", true)
            .requestParameters(obj("includeShadowTrails", true));

    public static final Call LOOKUP_EVENTS = (e, c) -> e.api(CLOUDTRAIL, "LookupEvents", true)
            .requestParameters(obj("maxResults", 50));

    public static final Call DESCRIBE_RECORDER_STATUS = (e, c) -> e.api(CONFIG,
            "DescribeConfigurationRecorderStatus", true).requestParameters(null);

    public static final Call DESCRIBE_CONFIG_RULES = (e, c) -> e.api(CONFIG, "DescribeConfigRules", true)
            .requestParameters(null);

    public static final Call DESCRIBE_ORGANIZATION = (e, c) -> e.api(ORGANIZATIONS, "DescribeOrganization", true)
            .requestParameters(null);

    public static final Call LIST_ACCOUNTS = (e, c) -> e.api(ORGANIZATIONS, "ListAccounts", true)
            .requestParameters(null);

    /** Security Hub asks Macie in every account; without Macie enabled it is denied, famously noisy. */
    public static final Call GET_MACIE_SESSION = (e, c) -> e.api("macie2.amazonaws.com", "GetMacieSession", true)
            .requestParameters(null);

    // ---- sign-in and STS shapes shared with scenarios ------------------------------------------------------

    /**
     * A console sign-in record: {@code responseElements.ConsoleLogin} is Success or Failure, failures carry only an
     * {@code errorMessage}, and {@code additionalEventData.MFAUsed} says whether MFA was used.
     */
    public static void consoleLogin(CloudTrailEvent e, CallContext c, boolean success, boolean mfaUsed,
                                    String mfaIdentifier, String failureMessage) {
        e.api(SIGNIN, "ConsoleLogin", false).eventType(CloudTrailEvent.CONSOLE_SIGN_IN).requestParameters(null)
                .responseElements(obj("ConsoleLogin", success ? "Success" : "Failure"));
        ObjectNode data = obj("LoginTo", "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true"
                + "&state=hashArgsFromTB_" + c.org().identityCenterRegion() + "_" + RandomIds.hex(c.rng(), 16),
                "MobileVersion", "No");
        if (mfaUsed && mfaIdentifier != null) {
            data.put("MFAIdentifier", mfaIdentifier);
        }
        data.put("MFAUsed", mfaUsed ? "Yes" : "No");
        e.additionalEventData(data);
        if (!success) {
            e.errorMessageOnly(failureMessage);
        }
    }

    /** sts:AssumeRole of a role in the context account. */
    public static void assumeRole(CloudTrailEvent e, CallContext c, String roleName, String sessionName) {
        String roleArn = "arn:aws:iam::" + c.account().id() + ":role/" + roleName;
        String roleId = c.org().roleId(c.account(), roleName);
        e.api(STS, "AssumeRole", true)
                .requestParameters(obj("roleArn", roleArn, "roleSessionName", sessionName, "durationSeconds", 3600))
                .responseElements(obj("credentials", obj("accessKeyId", "ASIA" + RandomIds.upperAlnum(c.rng(), 16),
                                "expiration", TimeText.responseDate(c.time() + 3600)),
                        "assumedRoleUser", obj("assumedRoleId", roleId + ":" + sessionName,
                                "arn", "arn:aws:sts::" + c.account().id() + ":assumed-role/" + roleName + "/"
                                        + sessionName)))
                .resources(List.of(new Resource(roleArn, c.account().id(), "AWS::IAM::Role")));
    }

    /** sts:AssumeRoleWithWebIdentity from a GitHub Actions workflow. */
    public static void assumeRoleWithWebIdentity(CloudTrailEvent e, CallContext c, String roleName, String subject) {
        String roleArn = "arn:aws:iam::" + c.account().id() + ":role/" + roleName;
        String provider = "arn:aws:iam::" + c.account().id() + ":oidc-provider/token.actions.githubusercontent.com";
        e.api(STS, "AssumeRoleWithWebIdentity", true)
                .requestParameters(obj("roleArn", roleArn, "roleSessionName", "GitHubActions",
                        "durationSeconds", 3600))
                .responseElements(obj("credentials", obj("accessKeyId", "ASIA" + RandomIds.upperAlnum(c.rng(), 16),
                                "expiration", TimeText.responseDate(c.time() + 3600)),
                        "subjectFromWebIdentityToken", subject,
                        "assumedRoleUser", obj("assumedRoleId", c.org().roleId(c.account(), roleName)
                                + ":GitHubActions", "arn", "arn:aws:sts::" + c.account().id() + ":assumed-role/"
                                + roleName + "/GitHubActions"),
                        "provider", provider, "audience", "sts.amazonaws.com"))
                .additionalEventData(obj("identityProviderConnectionVerificationMethod", "IAMTrustStore"))
                .resources(List.of(new Resource(roleArn, c.account().id(), "AWS::IAM::Role")));
    }

    /** sts:GetFederationToken by the federation broker. */
    public static void getFederationToken(CloudTrailEvent e, CallContext c, String federatedName) {
        e.api(STS, "GetFederationToken", true)
                .requestParameters(obj("name", federatedName, "durationSeconds", 43200))
                .responseElements(obj("credentials", obj("accessKeyId", "ASIA" + RandomIds.upperAlnum(c.rng(), 16),
                                "expiration", TimeText.responseDate(c.time() + 43200)),
                        "federatedUser", obj("federatedUserId", c.account().id() + ":" + federatedName,
                                "arn", "arn:aws:sts::" + c.account().id() + ":federated-user/" + federatedName),
                        "packedPolicySize", 9));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    static ObjectNode vpcFilter(String vpcId) {
        return obj("name", "vpc-id", "valueSet", items(obj("value", vpcId)));
    }

    /** One entry of EC2's {@code ipPermissions.items}. */
    public static ObjectNode permission(String protocol, int from, int to, String cidr, String description) {
        ObjectNode range = description == null ? obj("cidrIp", cidr) : obj("cidrIp", cidr, "description", description);
        return obj("ipProtocol", protocol, "fromPort", from, "toPort", to, "groups", obj(),
                "ipRanges", items(range), "ipv6Ranges", obj(), "prefixListIds", obj());
    }

    /** The response of EC2 calls that only acknowledge. */
    public static ObjectNode ec2Return(CallContext c) {
        return obj("requestId", RandomIds.uuid(c.rng()), "_return", true);
    }

    public static Resource kmsKey(CallContext c, String keyId) {
        return new Resource(c.network().kmsKeyArn(keyId), c.account().id(), "AWS::KMS::Key");
    }

    /** The common shape of bucket-level S3 calls; {@code subresource} is the empty query parameter S3 logs. */
    public static void bucketCall(CloudTrailEvent e, CallContext c, String name, boolean readOnly, String bucket,
                                  String subresource) {
        String host = bucket + ".s3." + c.region() + ".amazonaws.com";
        ObjectNode params = obj("bucketName", bucket, "Host", host);
        if (subresource != null) {
            params.put(subresource, "");
        }
        e.api(S3, name, readOnly).requestParameters(params)
                .additionalEventData(s3Additional(c, readOnly ? 0 : 300 + c.rng().nextInt(900),
                        readOnly ? 200 + c.rng().nextInt(2000) : 0))
                .resources(List.of(new Resource("arn:aws:s3:::" + bucket, c.account().id(), "AWS::S3::Bucket")))
                .tlsHost(host);
    }

    static ObjectNode s3Additional(CallContext c, int in, int out) {
        return obj("SignatureVersion", "SigV4", "CipherSuite", "TLS_AES_128_GCM_SHA256", "bytesTransferredIn", in,
                "AuthenticationMethod", "AuthHeader", "x-amz-id-2", RandomIds.mixedAlnum(c.rng(), 56) + "=",
                "bytesTransferredOut", out);
    }

    private static String appPolicyArn(CallContext c) {
        return "arn:aws:iam::" + c.account().id() + ":policy/" + c.any(List.of("app-s3-access", "app-kms-use",
                "ci-deploy-boundary", "reporting-read"));
    }
}
