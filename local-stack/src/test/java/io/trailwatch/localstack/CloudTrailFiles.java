package io.trailwatch.localstack;

import java.util.List;
import java.util.stream.Collectors;

/** CloudTrail log files for tests, shaped as AWS writes them. */
final class CloudTrailFiles {

    private CloudTrailFiles() {
    }

    static String file(List<String> records) {
        return records.stream().collect(Collectors.joining(",\n", "{\"Records\":[\n", "\n]}"));
    }

    /** A root console sign-in with MFA: only the root-usage rule applies. */
    static String rootConsoleSignIn(String eventId, String account) {
        return """
                {"eventVersion":"1.11","userIdentity":{"type":"Root","principalId":"%2$s","arn":"arn:aws:iam::%2$s:root",\
                "accountId":"%2$s","accessKeyId":""},"eventTime":"2026-11-27T10:04:31Z","eventSource":"signin.amazonaws.com",\
                "eventName":"ConsoleLogin","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.10",\
                "userAgent":"Mozilla/5.0 (X11; Linux x86_64)","requestParameters":null,\
                "responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"LoginTo":\
                "https://console.aws.amazon.com/console/home","MobileVersion":"No","MFAUsed":"Yes",\
                "MFAIdentifier":"arn:aws:iam::%2$s:mfa/root-account-mfa-device"},"eventID":"%1$s","readOnly":false,\
                "eventType":"AwsConsoleSignIn","managementEvent":true,"recipientAccountId":"%2$s","eventCategory":"Management"}"""
                .formatted(eventId, account);
    }

    /** A read by a role session: no rule applies. */
    static String benignRead(String eventId, String account, String eventName, String minute) {
        return """
                {"eventVersion":"1.11","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:ci",\
                "arn":"arn:aws:sts::%2$s:assumed-role/ci-deployer/ci","accountId":"%2$s","accessKeyId":"ASIAEXAMPLE",\
                "sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLE",\
                "arn":"arn:aws:iam::%2$s:role/ci-deployer","accountId":"%2$s","userName":"ci-deployer"},\
                "attributes":{"creationDate":"2026-11-27T09:00:00Z","mfaAuthenticated":"false"}}},\
                "eventTime":"2026-11-27T10:%4$s:00Z","eventSource":"ec2.amazonaws.com","eventName":"%3$s",\
                "awsRegion":"eu-west-1","sourceIPAddress":"198.51.100.20","userAgent":"aws-cli/2.15.0",\
                "requestParameters":{"maxResults":100},"responseElements":null,"requestID":"r-%1$s","eventID":"%1$s",\
                "readOnly":true,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"%2$s",\
                "eventCategory":"Management"}""".formatted(eventId, account, eventName, minute);
    }
}
