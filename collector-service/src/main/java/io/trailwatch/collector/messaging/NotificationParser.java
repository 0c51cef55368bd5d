package io.trailwatch.collector.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.collector.service.S3ObjectRef;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the S3 objects an SQS message announces. It understands every way CloudTrail files get announced:
 * <ul>
 * <li>an S3 event notification ({@code {"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put",
 * "s3":{...}}]}}), whose object keys are URL-encoded ({@code +} for a space);</li>
 * <li>the same inside an SNS envelope ({@code {"Type":"Notification","Message":"<json>"}}), when S3 notifies a
 * topic that fans out to queues;</li>
 * <li>an EventBridge event ({@code "source":"aws.s3","detail-type":"Object Created"}), whose keys are not
 * encoded;</li>
 * <li>CloudTrail's own SNS notification ({@code {"s3Bucket":"...","s3ObjectKey":["..."]}}), keys not encoded.</li>
 * </ul>
 * S3's test event and events other than object creation announce nothing and are not errors.
 */
public final class NotificationParser {

    /** A message body that is none of the known formats. */
    public static final class NotANotificationException extends Exception {
        NotANotificationException(String message) {
            super(message);
        }
    }

    private final ObjectMapper mapper;

    public NotificationParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The objects announced by {@code body}; empty for a test event or events that create no object. */
    public List<S3ObjectRef> parse(String body) throws NotANotificationException {
        return parse(body, 0);
    }

    private List<S3ObjectRef> parse(String body, int depth) throws NotANotificationException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new NotANotificationException("message body is not JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new NotANotificationException("message body is not a JSON object");
        }
        if (root.path("Type").asText("").equals("Notification") && root.path("Message").isTextual()) {
            if (depth > 0) {
                throw new NotANotificationException("SNS notification nested in an SNS notification");
            }
            return parse(root.get("Message").asText(), depth + 1);
        }
        if (root.has("Records")) {
            return s3Event(root.get("Records"));
        }
        if ("aws.s3".equals(root.path("source").asText(null)) && root.has("detail-type")) {
            return eventBridge(root);
        }
        if (root.has("s3Bucket") && root.has("s3ObjectKey")) {
            return cloudTrailNotification(root);
        }
        if ("s3:TestEvent".equals(root.path("Event").asText(null))) {
            return List.of();
        }
        throw new NotANotificationException("not an S3 event notification, SNS notification, EventBridge event or "
                + "CloudTrail notification (no Records, Message, detail-type or s3ObjectKey)");
    }

    private List<S3ObjectRef> s3Event(JsonNode records) throws NotANotificationException {
        if (!records.isArray()) {
            throw new NotANotificationException("S3 event notification whose Records is not an array");
        }
        List<S3ObjectRef> objects = new ArrayList<>();
        for (JsonNode record : records) {
            if (!record.path("eventName").asText("").startsWith("ObjectCreated:")) {
                continue;
            }
            String bucket = record.path("s3").path("bucket").path("name").asText(null);
            String key = record.path("s3").path("object").path("key").asText(null);
            if (bucket == null || key == null) {
                throw new NotANotificationException("S3 event notification without s3.bucket.name or s3.object.key");
            }
            objects.add(new S3ObjectRef(bucket, decodeKey(key), record.path("s3").path("object").path("size")
                    .asLong(-1)));
        }
        return objects;
    }

    private static List<S3ObjectRef> eventBridge(JsonNode root) throws NotANotificationException {
        if (!"Object Created".equals(root.path("detail-type").asText())) {
            return List.of();
        }
        JsonNode detail = root.path("detail");
        String bucket = detail.path("bucket").path("name").asText(null);
        String key = detail.path("object").path("key").asText(null);
        if (bucket == null || key == null) {
            throw new NotANotificationException("EventBridge Object Created event without detail.bucket.name or "
                    + "detail.object.key");
        }
        return List.of(new S3ObjectRef(bucket, key, detail.path("object").path("size").asLong(-1)));
    }

    private static List<S3ObjectRef> cloudTrailNotification(JsonNode root) throws NotANotificationException {
        String bucket = root.get("s3Bucket").asText(null);
        JsonNode keys = root.get("s3ObjectKey");
        if (bucket == null || !keys.isArray()) {
            throw new NotANotificationException("CloudTrail notification whose s3Bucket is not a string or "
                    + "s3ObjectKey not an array");
        }
        List<S3ObjectRef> objects = new ArrayList<>();
        for (JsonNode key : keys) {
            if (!key.isTextual()) {
                throw new NotANotificationException("CloudTrail notification with a key that is not a string");
            }
            objects.add(new S3ObjectRef(bucket, key.asText(), -1));
        }
        return objects;
    }

    /** S3 event notifications URL-encode keys as form values: {@code +} is a space, {@code %XX} a byte. */
    static String decodeKey(String encoded) throws NotANotificationException {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new NotANotificationException("object key '" + encoded + "' is not URL-encoded correctly: "
                    + e.getMessage());
        }
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
