package io.trailwatch.query.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic, fast CloudTrail-shaped records for benchmarks: an organisation of accounts with IAM users, role
 * sessions and root, a skewed activity per principal and source IP (a few are very busy, most are quiet), mostly
 * reads, a little AccessDenied noise, and now and then an event that a CIS rule matches (the caller turns those into
 * findings). Values are plain ASCII, so the JSON is built without escaping.
 */
final class SyntheticCloudTrail {

    static final String[] REGIONS = {"us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2"};
    static final String[] COUNTRIES = {"US", "US", "US", "DE", "GB", "FR", "JP", "IN", "BR", "NL", "SG", "AU", "CA",
            "KR", "RU", "CN", "ZA", "SE", "IE", "ES"};
    private static final String[] AGENTS = {
            "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.amzn.2023 prompt/off command/s3.cp",
            "aws-cli/2.13.4 Python/3.11.4 Darwin/23.1.0 exe/x86_64 prompt/off command/ec2.describe-instances",
            "Boto3/1.34.11 md/Botocore#1.34.11 ua/2.0 os/linux#5.10 md/arch#x86_64 lang/python#3.11.6",
            "aws-sdk-java/2.21.10 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.9 Java/17.0.9 vendor/Amazon.com_Inc.",
            "aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5 md/GOOS#linux md/GOARCH#amd64 api/s3#1.47.7",
            "Terraform/1.6.6 (+https://www.terraform.io) terraform-provider-aws/5.31.0 aws-sdk-go/1.49.13",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
            "console.amazonaws.com", "AWS Internal", "cloudformation.amazonaws.com", "lambda.amazonaws.com",
            "aws-internal/3 aws-sdk-java/1.12.612 Linux/5.10 OpenJDK_64-Bit_Server_VM/25.392-b08 java/1.8.0_392",
            "kubectl/v1.28.4 (linux/amd64) kubernetes/bae2c62 aws-iam-authenticator/0.6.14",
            "python-requests/2.31.0 (custom-inventory-scanner)", "Datadog/1.0 (aws-integration)"};
    /** source, name, readOnly, weight. */
    private static final Object[][] BACKGROUND = {
            {"s3.amazonaws.com", "GetObject", true, 30}, {"s3.amazonaws.com", "PutObject", false, 10},
            {"s3.amazonaws.com", "ListBucket", true, 8}, {"s3.amazonaws.com", "HeadObject", true, 8},
            {"ec2.amazonaws.com", "DescribeInstances", true, 10}, {"ec2.amazonaws.com", "DescribeSecurityGroups", true, 4},
            {"ec2.amazonaws.com", "DescribeVpcs", true, 3}, {"ec2.amazonaws.com", "RunInstances", false, 1},
            {"sts.amazonaws.com", "AssumeRole", true, 12}, {"sts.amazonaws.com", "GetCallerIdentity", true, 5},
            {"kms.amazonaws.com", "Decrypt", true, 10}, {"kms.amazonaws.com", "GenerateDataKey", true, 5},
            {"lambda.amazonaws.com", "Invoke", false, 4}, {"logs.amazonaws.com", "PutLogEvents", false, 6},
            {"dynamodb.amazonaws.com", "DescribeTable", true, 3}, {"iam.amazonaws.com", "GetRole", true, 3},
            {"iam.amazonaws.com", "ListRoles", true, 2}, {"cloudtrail.amazonaws.com", "LookupEvents", true, 1},
            {"config.amazonaws.com", "DescribeConfigRules", true, 1}, {"ssm.amazonaws.com", "GetParameter", true, 4},
            {"secretsmanager.amazonaws.com", "GetSecretValue", true, 3}, {"ecr.amazonaws.com", "GetAuthorizationToken", true, 2},
            {"signin.amazonaws.com", "ConsoleLogin", false, 1}, {"rds.amazonaws.com", "DescribeDBInstances", true, 2}};

    /** A CIS rule: its id, title, severity, category, and the API calls it matches. */
    record Rule(String id, String title, String severity, String category, int weight, String source,
                String[] names) {
    }

    static final List<Rule> RULES = List.of(
            new Rule("cis-unauthorized-api-calls", "Unauthorized API calls", "medium", "access", 45, null, null),
            new Rule("cis-console-auth-failures", "Console authentication failures", "medium", "access", 20,
                    "signin.amazonaws.com", new String[] {"ConsoleLogin"}),
            new Rule("cis-console-signin-without-mfa", "Console sign-in without MFA", "high", "access", 5,
                    "signin.amazonaws.com", new String[] {"ConsoleLogin"}),
            new Rule("cis-root-account-usage", "Root user activity", "critical", "access", 2, null, null),
            new Rule("cis-security-group-changes", "Security group changes", "medium", "configuration-change", 8,
                    "ec2.amazonaws.com", new String[] {"AuthorizeSecurityGroupIngress", "RevokeSecurityGroupEgress",
                    "CreateSecurityGroup"}),
            new Rule("cis-iam-policy-changes", "IAM policy changes", "medium", "configuration-change", 7,
                    "iam.amazonaws.com", new String[] {"PutUserPolicy", "CreatePolicyVersion", "AttachRolePolicy"}),
            new Rule("cis-cloudtrail-config-changes", "CloudTrail configuration changes", "high",
                    "configuration-change", 1, "cloudtrail.amazonaws.com", new String[] {"UpdateTrail", "StopLogging"}),
            new Rule("cis-cmk-disable-or-deletion", "CMK disabled or scheduled for deletion", "high",
                    "configuration-change", 1, "kms.amazonaws.com", new String[] {"DisableKey", "ScheduleKeyDeletion"}),
            new Rule("cis-s3-bucket-policy-changes", "S3 bucket policy changes", "medium", "configuration-change", 2,
                    "s3.amazonaws.com", new String[] {"PutBucketPolicy", "DeleteBucketPolicy"}),
            new Rule("cis-aws-config-changes", "AWS Config configuration changes", "medium", "configuration-change",
                    1, "config.amazonaws.com", new String[] {"StopConfigurationRecorder", "PutDeliveryChannel"}),
            new Rule("cis-nacl-changes", "Network ACL changes", "medium", "configuration-change", 2,
                    "ec2.amazonaws.com", new String[] {"CreateNetworkAclEntry", "ReplaceNetworkAclEntry"}),
            new Rule("cis-network-gateway-changes", "Network gateway changes", "medium", "configuration-change", 1,
                    "ec2.amazonaws.com", new String[] {"AttachInternetGateway", "CreateCustomerGateway"}),
            new Rule("cis-route-table-changes", "Route table changes", "medium", "configuration-change", 2,
                    "ec2.amazonaws.com", new String[] {"CreateRoute", "ReplaceRoute"}),
            new Rule("cis-vpc-changes", "VPC changes", "medium", "configuration-change", 2, "ec2.amazonaws.com",
                    new String[] {"CreateVpc", "ModifyVpcAttribute"}),
            new Rule("cis-organizations-changes", "AWS Organizations changes", "high", "configuration-change", 1,
                    "organizations.amazonaws.com", new String[] {"LeaveOrganization", "InviteAccountToOrganization"}));

    /** One generated record: the columns of query.events and the record itself. */
    record Event(String eventId, Instant eventTime, String accountId, String region, String eventSource,
                 String eventName, String principalType, String principalArn, String principalName,
                 String accessKeyId, String sourceIp, String userAgent, String errorCode, String errorMessage,
                 boolean readOnly, String consoleLogin, String mfaUsed, String json, Rule matched, String country) {
    }

    private record Principal(String account, String type, String arn, String name, String accessKey) {
    }

    private final SplittableRandom random;
    final String[] accounts;
    private final List<Principal> principals = new ArrayList<>();
    final String[] ips;
    private final int backgroundTotal;
    private final int ruleTotal;
    private final double findingRate;

    /**
     * @param findingRate the share of events that a CIS rule matches
     */
    SyntheticCloudTrail(long seed, int accountCount, int principalsPerAccount, int ipCount, double findingRate) {
        this.random = new SplittableRandom(seed);
        this.findingRate = findingRate;
        accounts = new String[accountCount];
        for (int a = 0; a < accountCount; a++) {
            accounts[a] = String.valueOf(100_000_000_000L + random.nextLong(899_999_999_999L));
        }
        for (String account : accounts) {
            for (int p = 0; p < principalsPerAccount; p++) {
                if (p % 3 == 0) {
                    String user = "user-" + p;
                    principals.add(new Principal(account, "IAMUser", "arn:aws:iam::" + account + ":user/" + user,
                            user, "AKIA" + Long.toHexString(random.nextLong()).toUpperCase()));
                } else {
                    String role = (p % 3 == 1 ? "ci-deployer-" : "app-runtime-") + p;
                    principals.add(new Principal(account, "AssumedRole", "arn:aws:sts::" + account
                            + ":assumed-role/" + role + "/session-" + p, role,
                            "ASIA" + Long.toHexString(random.nextLong()).toUpperCase()));
                }
            }
        }
        ips = new String[ipCount];
        for (int i = 0; i < ipCount; i++) {
            ips[i] = (11 + random.nextInt(180)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + (1 + random.nextInt(254));
        }
        int total = 0;
        for (Object[] b : BACKGROUND) {
            total += (int) b[3];
        }
        backgroundTotal = total;
        ruleTotal = RULES.stream().mapToInt(Rule::weight).sum();
    }

    /** A principal name and ARN that the generated events use (for searches). */
    List<String[]> samplePrincipals(int count) {
        List<String[]> sample = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Principal p = principals.get(skewed(principals.size()));
            sample.add(new String[] {p.arn(), p.name()});
        }
        return sample;
    }

    String sampleIp() {
        return ips[skewed(ips.length)];
    }

    /** An index in [0, n), small indexes far more often than large ones. */
    private int skewed(int n) {
        double u = random.nextDouble();
        return (int) (n * u * u * u);
    }

    /** The next event at {@code time}, in whole seconds as CloudTrail writes eventTime. */
    Event next(Instant at) {
        Instant time = at.truncatedTo(ChronoUnit.SECONDS);
        Principal principal = principals.get(skewed(principals.size()));
        String account = principal.account();
        String region = REGIONS[random.nextInt(10) < 7 ? 0 : random.nextInt(REGIONS.length)];
        String ip = ips[skewed(ips.length)];
        String agent = AGENTS[skewed(AGENTS.length)];
        Rule matched = random.nextDouble() < findingRate ? pickRule() : null;
        String source;
        String name;
        boolean readOnly;
        String errorCode = null;
        String errorMessage = null;
        String consoleLogin = null;
        String mfaUsed = null;
        String type = principal.type();
        String arn = principal.arn();
        String user = principal.name();
        if (matched != null && matched.source() != null) {
            source = matched.source();
            name = matched.names()[random.nextInt(matched.names().length)];
            readOnly = false;
        } else {
            Object[] b = pickBackground();
            source = (String) b[0];
            name = (String) b[1];
            readOnly = (boolean) b[2];
        }
        if (matched != null) {
            switch (matched.id()) {
                case "cis-unauthorized-api-calls" -> {
                    errorCode = random.nextBoolean() ? "AccessDenied" : "Client.UnauthorizedOperation";
                    errorMessage = "User: " + arn + " is not authorized to perform this operation";
                }
                case "cis-console-auth-failures" -> {
                    consoleLogin = "Failure";
                    errorMessage = "Failed authentication";
                    agent = AGENTS[6 + random.nextInt(2)];
                }
                case "cis-console-signin-without-mfa" -> {
                    consoleLogin = "Success";
                    mfaUsed = "No";
                    agent = AGENTS[6 + random.nextInt(2)];
                }
                case "cis-root-account-usage" -> {
                    type = "Root";
                    arn = "arn:aws:iam::" + account + ":root";
                    user = null;
                    if (random.nextInt(3) == 0) {
                        source = "signin.amazonaws.com";
                        name = "ConsoleLogin";
                        consoleLogin = "Success";
                        mfaUsed = "Yes";
                    }
                }
                default -> {
                }
            }
        } else if (random.nextInt(100) < 2) {
            errorCode = "ThrottlingException";
            errorMessage = "Rate exceeded";
        }
        String eventId = new UUID(random.nextLong(), random.nextLong()).toString();
        String country = COUNTRIES[Math.floorMod(ip.hashCode(), COUNTRIES.length)];
        String json = json(eventId, time, account, region, source, name, type, arn, user, principal.accessKey(),
                ip, agent, errorCode, errorMessage, readOnly, consoleLogin, mfaUsed);
        return new Event(eventId, time, account, region, source, name, type, arn, user, principal.accessKey(), ip,
                agent, errorCode, errorMessage, readOnly, consoleLogin, mfaUsed, json, matched, country);
    }

    private Rule pickRule() {
        int r = random.nextInt(ruleTotal);
        for (Rule rule : RULES) {
            r -= rule.weight();
            if (r < 0) {
                return rule;
            }
        }
        return RULES.get(0);
    }

    private Object[] pickBackground() {
        int r = random.nextInt(backgroundTotal);
        for (Object[] b : BACKGROUND) {
            r -= (int) b[3];
            if (r < 0) {
                return b;
            }
        }
        return BACKGROUND[0];
    }

    private static String json(String eventId, Instant time, String account, String region, String source,
                               String name, String type, String arn, String user, String accessKey, String ip,
                               String agent, String errorCode, String errorMessage, boolean readOnly,
                               String consoleLogin, String mfaUsed) {
        StringBuilder sb = new StringBuilder(900);
        sb.append("{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"").append(type)
                .append("\",\"principalId\":\"AIDA").append(eventId, 0, 8).append("\",\"arn\":\"").append(arn)
                .append("\",\"accountId\":\"").append(account).append("\",\"accessKeyId\":\"").append(accessKey)
                .append('"');
        if (user != null) {
            if (type.equals("AssumedRole")) {
                sb.append(",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"arn\":\"arn:aws:iam::")
                        .append(account).append(":role/").append(user).append("\",\"accountId\":\"").append(account)
                        .append("\",\"userName\":\"").append(user).append("\"},\"attributes\":{\"creationDate\":\"")
                        .append(time.minusSeconds(900)).append("\",\"mfaAuthenticated\":\"false\"}}");
            } else {
                sb.append(",\"userName\":\"").append(user).append('"');
            }
        }
        sb.append("},\"eventTime\":\"").append(time).append("\",\"eventSource\":\"").append(source)
                .append("\",\"eventName\":\"").append(name).append("\",\"awsRegion\":\"").append(region)
                .append("\",\"sourceIPAddress\":\"").append(ip).append("\",\"userAgent\":\"").append(agent)
                .append('"');
        if (errorCode != null) {
            sb.append(",\"errorCode\":\"").append(errorCode).append('"');
        }
        if (errorMessage != null) {
            sb.append(",\"errorMessage\":\"").append(errorMessage).append('"');
        }
        sb.append(",\"requestParameters\":{\"bucketName\":\"data-").append(account, 0, 6)
                .append("\",\"key\":\"objects/").append(eventId, 9, 13).append("/part-0001.parquet\"}");
        if (consoleLogin != null) {
            sb.append(",\"responseElements\":{\"ConsoleLogin\":\"").append(consoleLogin)
                    .append("\"},\"additionalEventData\":{\"LoginTo\":\"https://console.aws.amazon.com/\","
                            + "\"MobileVersion\":\"No\",\"MFAUsed\":\"").append(mfaUsed == null ? "No" : mfaUsed)
                    .append("\"}");
        } else {
            sb.append(",\"responseElements\":null");
        }
        sb.append(",\"requestID\":\"").append(eventId, 0, 18).append("\",\"eventID\":\"").append(eventId)
                .append("\",\"readOnly\":").append(readOnly).append(",\"eventType\":\"")
                .append(source.equals("signin.amazonaws.com") ? "AwsConsoleSignIn" : "AwsApiCall")
                .append("\",\"managementEvent\":true,\"recipientAccountId\":\"").append(account)
                .append("\",\"eventCategory\":\"Management\",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\","
                        + "\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\"")
                .append(source.replace(".amazonaws.com", "")).append('.').append(region)
                .append(".amazonaws.com\"}}");
        return sb.toString();
    }
}
