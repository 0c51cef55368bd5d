package io.trailwatch.simulator.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The S3 event notification (eventVersion 2.1) S3 sends to SQS for a new object. */
public final class S3EventNotification {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private S3EventNotification() {
    }

    /**
     * @param eventTime ISO-8601 with milliseconds, e.g. {@code 2026-11-27T10:05:02.123Z}
     * @param sequencer hexadecimal, increasing for successive events on a key
     */
    public static String objectCreatedPut(String region, String eventTime, String principalId, String sourceIp,
                                          String requestId, String hostId, String bucket, String key, long size,
                                          String eTag, String sequencer) {
        ObjectNode record = MAPPER.createObjectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", eventTime);
        record.put("eventName", "ObjectCreated:Put");
        record.putObject("userIdentity").put("principalId", principalId);
        record.putObject("requestParameters").put("sourceIPAddress", sourceIp);
        ObjectNode response = record.putObject("responseElements");
        response.put("x-amz-request-id", requestId);
        response.put("x-amz-id-2", hostId);
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "trailwatch-cloudtrail-objects");
        ObjectNode b = s3.putObject("bucket");
        b.put("name", bucket);
        b.putObject("ownerIdentity").put("principalId", principalId.replace("AWS:", ""));
        b.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode o = s3.putObject("object");
        o.put("key", encodeKey(key));
        o.put("size", size);
        o.put("eTag", eTag);
        o.put("sequencer", sequencer);
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode records = root.putArray("Records");
        records.add(record);
        return root.toString();
    }

    /** Keys in notifications are URL-encoded as form values ({@code +} for space), path separators kept. */
    public static String encodeKey(String key) {
        StringBuilder sb = new StringBuilder(key.length() + 16);
        String[] segments = key.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(URLEncoder.encode(segments[i], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
