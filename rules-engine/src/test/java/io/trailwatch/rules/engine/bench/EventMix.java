package io.trailwatch.rules.engine.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A deterministic stream of CloudTrail records shaped like real management and data events: mostly benign
 * reads and service traffic, some authorization failures, few configuration changes. Proportions (weights
 * below) follow what a busy organization trail looks like: most volume is Describe/Get/List calls, STS and
 * KMS calls made by services, and S3 data events.
 */
public final class EventMix {

    private record Template(int weight, String json) {
    }

    private static final String[] ACCOUNTS = {"111122223333", "444455556666", "777788889999", "123456789012"};
    private static final String[] REGIONS = {"eu-west-1", "us-east-1", "eu-central-1", "us-west-2"};
    private static final String[] BUCKETS = {"acme-artifacts", "acme-data-lake-raw", "acme-static-site", "acme-backups"};
    private static final String[] ROLES = {"ci-deploy", "etl-nightly", "eks-node", "lambda-exporter", "grafana-reader"};
    private static final String CLI_UA = "aws-cli/2.17.50 md/awscrt#0.21.2 ua/2.0 os/linux#6.1.0-26-cloud-amd64 "
            + "md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe";
    private static final String SDK_UA = "aws-sdk-java/2.29.6 Linux/6.1.0-26-cloud-amd64 OpenJDK_64-Bit_Server_VM/"
            + "21.0.5+11-LTS Java/21.0.5 vendor/Eclipse_Adoptium io/sync http/Apache cfg/retry-mode/adaptive";

    private static final String ROLE_IDENTITY = """
            {"type": "AssumedRole", "principalId": "AROA4EXAMPLEAPPROLE:${session}",
             "arn": "arn:aws:sts::${account}:assumed-role/${role}/${session}", "accountId": "${account}",
             "accessKeyId": "ASIA4EXAMPLE${key}",
             "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROA4EXAMPLEAPPROLE",
               "arn": "arn:aws:iam::${account}:role/${role}", "accountId": "${account}", "userName": "${role}"},
               "webIdFederationData": {}, "attributes": {"creationDate": "2026-11-27T08:00:03Z",
               "mfaAuthenticated": "false"}}}""";

    private static final List<Template> TEMPLATES = List.of(
            new Template(22, """
                    {"eventVersion": "1.11", "userIdentity": ${roleIdentity}, "eventTime": "${time}",
                     "eventSource": "ec2.amazonaws.com", "eventName": "DescribeInstances", "awsRegion": "${region}",
                     "sourceIPAddress": "${ip}", "userAgent": "${sdkUa}",
                     "requestParameters": {"instancesSet": {}, "filterSet": {"items": [{"name": "tag:team",
                       "valueSet": {"items": [{"value": "payments"}]}}]}},
                     "responseElements": null, "requestID": "${uuid}", "eventID": "${uuid}", "readOnly": true,
                     "eventType": "AwsApiCall", "managementEvent": true, "recipientAccountId": "${account}",
                     "eventCategory": "Management", "tlsDetails": {"tlsVersion": "TLSv1.3",
                     "cipherSuite": "TLS_AES_128_GCM_SHA256", "clientProvidedHostHeader": "ec2.${region}.amazonaws.com"}}"""),
            new Template(20, """
                    {"eventVersion": "1.10", "userIdentity": ${roleIdentity}, "eventTime": "${time}",
                     "eventSource": "s3.amazonaws.com", "eventName": "GetObject", "awsRegion": "${region}",
                     "sourceIPAddress": "${ip}", "userAgent": "[${sdkUa}]",
                     "requestParameters": {"bucketName": "${bucket}", "Host": "${bucket}.s3.${region}.amazonaws.com",
                       "key": "exports/2026/11/27/part-${n}.parquet"},
                     "responseElements": null, "additionalEventData": {"SignatureVersion": "SigV4",
                       "CipherSuite": "TLS_AES_128_GCM_SHA256", "bytesTransferredIn": 0, "AuthenticationMethod": "AuthHeader",
                       "x-amz-id-2": "Xl3D8kq0pM1tqyYn0uRr2wqgJZ7xU9o1vA6Q4n2s8eE=", "bytesTransferredOut": ${n}},
                     "requestID": "${shortId}", "eventID": "${uuid}", "readOnly": true,
                     "resources": [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::${bucket}/exports/2026/11/27/part-${n}.parquet"},
                       {"accountId": "${account}", "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::${bucket}"}],
                     "eventType": "AwsApiCall", "managementEvent": false, "recipientAccountId": "${account}",
                     "eventCategory": "Data", "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                     "clientProvidedHostHeader": "${bucket}.s3.${region}.amazonaws.com"}}"""),
            new Template(16, """
                    {"eventVersion": "1.08", "userIdentity": {"type": "AWSService", "invokedBy": "lambda.amazonaws.com"},
                     "eventTime": "${time}", "eventSource": "sts.amazonaws.com", "eventName": "AssumeRole",
                     "awsRegion": "${region}", "sourceIPAddress": "lambda.amazonaws.com", "userAgent": "lambda.amazonaws.com",
                     "requestParameters": {"roleArn": "arn:aws:iam::${account}:role/${role}",
                       "roleSessionName": "${role}-${n}"},
                     "responseElements": {"credentials": {"accessKeyId": "ASIA4EXAMPLE${key}",
                       "sessionToken": "${token}", "expiration": "Nov 27, 2026, 11:30:00 PM"},
                       "assumedRoleUser": {"assumedRoleId": "AROA4EXAMPLEAPPROLE:${role}-${n}",
                       "arn": "arn:aws:sts::${account}:assumed-role/${role}/${role}-${n}"}},
                     "requestID": "${uuid}", "eventID": "${uuid}", "readOnly": true,
                     "resources": [{"accountId": "${account}", "type": "AWS::IAM::Role",
                       "ARN": "arn:aws:iam::${account}:role/${role}"}],
                     "eventType": "AwsApiCall", "managementEvent": true, "recipientAccountId": "${account}",
                     "sharedEventID": "${uuid}", "eventCategory": "Management"}"""),
            new Template(10, """
                    {"eventVersion": "1.11", "userIdentity": {"type": "AWSService", "invokedBy": "s3.amazonaws.com"},
                     "eventTime": "${time}", "eventSource": "kms.amazonaws.com", "eventName": "Decrypt",
                     "awsRegion": "${region}", "sourceIPAddress": "s3.amazonaws.com", "userAgent": "s3.amazonaws.com",
                     "requestParameters": {"encryptionContext": {"aws:s3:arn": "arn:aws:s3:::${bucket}/exports/part-${n}"},
                       "encryptionAlgorithm": "SYMMETRIC_DEFAULT"},
                     "responseElements": null, "requestID": "${uuid}", "eventID": "${uuid}", "readOnly": true,
                     "resources": [{"accountId": "${account}", "type": "AWS::KMS::Key",
                       "ARN": "arn:aws:kms:${region}:${account}:key/6f1c2a4e-0b7d-4e51-9f3a-2d8c5b7e1a90"}],
                     "eventType": "AwsApiCall", "managementEvent": true, "recipientAccountId": "${account}",
                     "sharedEventID": "${uuid}", "eventCategory": "Management"}"""),
            new Template(8, """
                    {"eventVersion": "1.11", "userIdentity": ${roleIdentity}, "eventTime": "${time}",
                     "eventSource": "s3.amazonaws.com", "eventName": "ListBuckets", "awsRegion": "us-east-1",
                     "sourceIPAddress": "${ip}", "userAgent": "[${cliUa} md/command#s3.ls]",
                     "requestParameters": {"Host": "s3.us-east-1.amazonaws.com"}, "responseElements": null,
                     "additionalEventData": {"SignatureVersion": "SigV4", "CipherSuite": "TLS_AES_128_GCM_SHA256",
                       "bytesTransferredIn": 0, "AuthenticationMethod": "AuthHeader", "bytesTransferredOut": 4012},
                     "requestID": "${shortId}", "eventID": "${uuid}", "readOnly": true, "eventType": "AwsApiCall",
                     "managementEvent": true, "recipientAccountId": "${account}", "eventCategory": "Management",
                     "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                     "clientProvidedHostHeader": "s3.us-east-1.amazonaws.com"}}"""),
            new Template(8, """
                    {"eventVersion": "1.09", "userIdentity": ${roleIdentity}, "eventTime": "${time}",
                     "eventSource": "ssm.amazonaws.com", "eventName": "GetParameter", "awsRegion": "${region}",
                     "sourceIPAddress": "${ip}", "userAgent": "${sdkUa}",
                     "requestParameters": {"name": "/app/${role}/db-url", "withDecryption": true},
                     "responseElements": null, "requestID": "${uuid}", "eventID": "${uuid}", "readOnly": true,
                     "eventType": "AwsApiCall", "managementEvent": true, "recipientAccountId": "${account}",
                     "eventCategory": "Management", "tlsDetails": {"tlsVersion": "TLSv1.2",
                     "cipherSuite": "ECDHE-RSA-AES128-GCM-SHA256", "clientProvidedHostHeader": "ssm.${region}.amazonaws.com"}}"""),
            new Template(4, """
                    {"eventVersion": "1.09", "userIdentity": ${roleIdentity}, "eventTime": "${time}",
                     "eventSource": "sts.amazonaws.com", "eventName": "GetCallerIdentity", "awsRegion": "${region}",
                     "sourceIPAddress": "${ip}", "userAgent": "${cliUa} md/command#sts.get-caller-identity",
                     "requestParameters": null, "responseElements": null, "requestID": "${uuid}", "eventID": "${uuid}",
                     "readOnly": true, "eventType": "AwsApiCall", "managementEvent": true,
                     "recipientAccountId": "${account}", "eventCategory": "Management",
                     "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                     "clientProvidedHostHeader": "sts.${region}.amazonaws.com"}}"""),
            new Template(3, """
                    {"eventVersion": "1.09", "userIdentity": {"type": "IAMUser", "principalId": "AIDA4EXAMPLECAROLXXX",
                       "arn": "arn:aws:iam::${account}:user/carol", "accountId": "${account}", "accessKeyId": "",
                       "userName": "carol"},
                     "eventTime": "${time}", "eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin",
                     "awsRegion": "us-east-1", "sourceIPAddress": "${ip}",
                     "userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
                     "requestParameters": null, "responseElements": {"ConsoleLogin": "Success"},
                     "additionalEventData": {"LoginTo": "https://console.aws.amazon.com/console/home?state=hashArgs%23",
                       "MobileVersion": "No", "MFAIdentifier": "arn:aws:iam::${account}:mfa/carol", "MFAUsed": "Yes"},
                     "eventID": "${uuid}", "readOnly": false, "eventType": "AwsConsoleSignIn", "managementEvent": true,
                     "recipientAccountId": "${account}", "eventCategory": "Management"}"""),
            new Template(3, """
                    {"eventVersion": "1.10", "userIdentity": ${roleIdentity}, "eventTime": "${time}",
                     "eventSource": "s3.amazonaws.com", "eventName": "GetObject", "awsRegion": "${region}",
                     "sourceIPAddress": "${ip}", "userAgent": "[${sdkUa}]", "errorCode": "AccessDenied",
                     "errorMessage": "User: arn:aws:sts::${account}:assumed-role/${role}/${session} is not authorized to perform: s3:GetObject on resource: \\"arn:aws:s3:::${bucket}/finance/ledger.csv\\" because no identity-based policy allows the s3:GetObject action",
                     "requestParameters": {"bucketName": "${bucket}", "Host": "${bucket}.s3.${region}.amazonaws.com",
                       "key": "finance/ledger.csv"},
                     "responseElements": null, "requestID": "${shortId}", "eventID": "${uuid}", "readOnly": true,
                     "resources": [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::${bucket}/finance/ledger.csv"},
                       {"accountId": "${account}", "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::${bucket}"}],
                     "eventType": "AwsApiCall", "managementEvent": false, "recipientAccountId": "${account}",
                     "eventCategory": "Data"}"""),
            new Template(2, """
                    {"eventVersion": "1.11", "userIdentity": ${roleIdentity}, "eventTime": "${time}",
                     "eventSource": "ec2.amazonaws.com", "eventName": "DescribeSecurityGroups", "awsRegion": "${region}",
                     "sourceIPAddress": "${ip}", "userAgent": "${cliUa}", "errorCode": "Client.UnauthorizedOperation",
                     "errorMessage": "You are not authorized to perform this operation. User: arn:aws:sts::${account}:assumed-role/${role}/${session} is not authorized to perform: ec2:DescribeSecurityGroups because no identity-based policy allows the ec2:DescribeSecurityGroups action",
                     "requestParameters": {"securityGroupSet": {}, "securityGroupIdSet": {}, "filterSet": {}},
                     "responseElements": null, "requestID": "${uuid}", "eventID": "${uuid}", "readOnly": true,
                     "eventType": "AwsApiCall", "managementEvent": true, "recipientAccountId": "${account}",
                     "eventCategory": "Management"}"""),
            new Template(2, """
                    {"eventVersion": "1.08", "userIdentity": {"type": "AWSService", "invokedBy": "delivery.logs.amazonaws.com"},
                     "eventTime": "${time}", "eventSource": "s3.amazonaws.com", "eventName": "HeadBucket",
                     "awsRegion": "${region}", "sourceIPAddress": "delivery.logs.amazonaws.com",
                     "userAgent": "delivery.logs.amazonaws.com", "errorCode": "AccessDenied", "errorMessage": "Access Denied",
                     "requestParameters": {"bucketName": "${bucket}", "Host": "${bucket}.s3.${region}.amazonaws.com"},
                     "responseElements": null, "requestID": "${shortId}", "eventID": "${uuid}", "readOnly": true,
                     "eventType": "AwsApiCall", "managementEvent": false, "recipientAccountId": "${account}",
                     "eventCategory": "Data"}"""),
            new Template(1, """
                    {"eventVersion": "1.11", "userIdentity": ${roleIdentity}, "eventTime": "${time}",
                     "eventSource": "ec2.amazonaws.com", "eventName": "AuthorizeSecurityGroupIngress", "awsRegion": "${region}",
                     "sourceIPAddress": "${ip}", "userAgent": "${cliUa}",
                     "requestParameters": {"groupId": "sg-0a1b2c3d4e5f60718", "ipPermissions": {"items": [{"ipProtocol": "tcp",
                       "fromPort": 443, "toPort": 443, "groups": {}, "ipRanges": {"items": [{"cidrIp": "10.0.0.0/8"}]},
                       "ipv6Ranges": {}, "prefixListIds": {}}]}},
                     "responseElements": {"requestId": "${uuid}", "_return": true}, "requestID": "${uuid}",
                     "eventID": "${uuid}", "readOnly": false, "eventType": "AwsApiCall", "managementEvent": true,
                     "recipientAccountId": "${account}", "eventCategory": "Management"}"""),
            new Template(1, """
                    {"eventVersion": "1.09", "userIdentity": {"type": "IAMUser", "principalId": "AIDA4EXAMPLEALICEXXX",
                       "accountId": "${account}", "accessKeyId": "", "userName": "alice"},
                     "eventTime": "${time}", "eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin",
                     "awsRegion": "us-east-1", "sourceIPAddress": "${ip}", "userAgent": "Mozilla/5.0 (X11; Linux x86_64)",
                     "errorMessage": "Failed authentication", "requestParameters": null,
                     "responseElements": {"ConsoleLogin": "Failure"},
                     "additionalEventData": {"LoginTo": "https://console.aws.amazon.com/console/home", "MobileVersion": "No",
                       "MFAUsed": "No"},
                     "eventID": "${uuid}", "readOnly": false, "eventType": "AwsConsoleSignIn", "managementEvent": true,
                     "recipientAccountId": "${account}", "eventCategory": "Management"}"""));

    private EventMix() {
    }

    /** {@code count} records as UTF-8 JSON, the same for the same seed. */
    public static List<byte[]> generate(int count, long seed) {
        Random random = new Random(seed);
        int total = TEMPLATES.stream().mapToInt(Template::weight).sum();
        List<byte[]> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(total);
            Template chosen = null;
            for (Template t : TEMPLATES) {
                pick -= t.weight();
                if (pick < 0) {
                    chosen = t;
                    break;
                }
            }
            records.add(fill(chosen.json(), random, i).getBytes(StandardCharsets.UTF_8));
        }
        return records;
    }

    private static String fill(String template, Random random, int i) {
        String account = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
        String role = ROLES[random.nextInt(ROLES.length)];
        String text = template.replace("${roleIdentity}", ROLE_IDENTITY)
                .replace("${account}", account)
                .replace("${role}", role)
                .replace("${session}", role + "-" + (1000 + random.nextInt(9000)))
                .replace("${region}", REGIONS[random.nextInt(REGIONS.length)])
                .replace("${bucket}", BUCKETS[random.nextInt(BUCKETS.length)])
                .replace("${ip}", "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256))
                .replace("${sdkUa}", SDK_UA)
                .replace("${cliUa}", CLI_UA)
                .replace("${key}", Long.toHexString(random.nextLong()).toUpperCase())
                .replace("${token}", token(random))
                .replace("${shortId}", Long.toHexString(random.nextLong()).toUpperCase())
                .replace("${time}", String.format("2026-11-27T%02d:%02d:%02dZ", i / 3600 % 24, i / 60 % 60, i % 60))
                .replace("${n}", Integer.toString(random.nextInt(100_000)));
        while (text.contains("${uuid}")) {
            text = text.replaceFirst("\\$\\{uuid}", new UUID(random.nextLong(), random.nextLong()).toString());
        }
        return text;
    }

    private static String token(Random random) {
        StringBuilder token = new StringBuilder("IQoJb3JpZ2luX2VjE");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 700; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }
}
