package io.trailwatch.rules.streams;

import java.time.Instant;

/** CloudTrail records for the tests, shaped like the real ones. */
final class Records {

    static final String ACCOUNT = "111122223333";

    private Records() {
    }

    /** A failed console sign-in (matches cis-console-auth-failures) of {@code user} from {@code ip}. */
    static String failedSignIn(String eventId, Instant time, String account, String user, String ip) {
        return "{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\","
                + "\"arn\":\"arn:aws:iam::" + account + ":user/" + user + "\",\"accountId\":\"" + account + "\","
                + "\"userName\":\"" + user + "\"},\"eventTime\":\"" + time + "\","
                + "\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\","
                + "\"sourceIPAddress\":\"" + ip + "\",\"userAgent\":\"Mozilla/5.0\",\"errorMessage\":\"Failed authentication\","
                + "\"requestParameters\":null,\"responseElements\":{\"ConsoleLogin\":\"Failure\"},"
                + "\"additionalEventData\":{\"LoginTo\":\"https://console.aws.amazon.com/\",\"MobileVersion\":\"No\","
                + "\"MFAUsed\":\"No\"},\"eventID\":\"" + eventId + "\",\"readOnly\":false,\"eventType\":\"AwsConsoleSignIn\","
                + "\"managementEvent\":true,\"recipientAccountId\":\"" + account + "\",\"eventCategory\":\"Management\"}";
    }

    static String failedSignIn(String eventId, Instant time) {
        return failedSignIn(eventId, time, ACCOUNT, "alice", "117.140.207.172");
    }

    /** A read nobody alerts on; it moves event time forward. */
    static String benign(String eventId, Instant time, String account) {
        return "{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"AssumedRole\",\"accountId\":\"" + account + "\"},"
                + "\"eventTime\":\"" + time + "\",\"eventSource\":\"ec2.amazonaws.com\","
                + "\"eventName\":\"DescribeInstances\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"10.0.0.1\","
                + "\"readOnly\":true,\"eventID\":\"" + eventId + "\",\"recipientAccountId\":\"" + account + "\"}";
    }

    static String benign(String eventId, Instant time) {
        return benign(eventId, time, ACCOUNT);
    }
}
