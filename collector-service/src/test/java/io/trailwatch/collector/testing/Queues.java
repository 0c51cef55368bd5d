package io.trailwatch.collector.testing;

import io.trailwatch.infra.testing.SharedInfra;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Queues on the shared SQS-compatible test server. */
public final class Queues {

    private static final SqsClient SQS = SharedInfra.sqs().client();

    private Queues() {
    }

    /** A new queue with a dead-letter queue ({@code <url>-dlq}); returns the queue URL. */
    public static String create(String prefix, int maxReceiveCount, int visibilitySeconds) {
        return SharedInfra.sqs().ensureQueueWithDeadLetterQueue(prefix + "-" + UUID.randomUUID().toString()
                .substring(0, 8), maxReceiveCount, visibilitySeconds);
    }

    public static void send(String queueUrl, String body) {
        SQS.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    /** Messages visible and in flight. */
    public static int depth(String queueUrl) {
        Map<QueueAttributeName, String> a = SQS.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    public static String deadLetterQueue(String queueUrl) {
        return queueUrl + "-dlq";
    }

    /** An S3 ObjectCreated:Put notification for one object, with the key URL-encoded as S3 does. */
    public static String s3Notification(String bucket, String key, long size) {
        return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventTime\":\"2026-11-27T10:05:02.123Z\",\"eventName\":\"ObjectCreated:Put\","
                + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\"" + bucket + "\"},"
                + "\"object\":{\"key\":\"" + encode(key) + "\",\"size\":" + size + ",\"sequencer\":\"0A1B2C\"}}}]}";
    }

    /** Keys in S3 notifications: form encoding per path segment. */
    public static String encode(String key) {
        StringBuilder sb = new StringBuilder();
        String[] segments = key.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(java.net.URLEncoder.encode(segments[i], java.nio.charset.StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
