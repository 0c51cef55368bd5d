package io.trailwatch.collector.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.collector.service.S3ObjectRef;
import org.junit.jupiter.api.Test;

class NotificationParserTest {

    private static final String KEY = "AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail/us-east-1/2026/11/27/"
            + "111122223333_CloudTrail_us-east-1_20261127T1005Z_Ab12Cd34Ef56Gh78.json.gz";
    private final NotificationParser parser = new NotificationParser(new ObjectMapper());

    static String s3Event(String eventName, String bucket, String encodedKey, long size) {
        return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventTime\":\"2026-11-27T10:05:02.123Z\",\"eventName\":\"" + eventName + "\","
                + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\"" + bucket + "\","
                + "\"arn\":\"arn:aws:s3:::" + bucket + "\"},\"object\":{\"key\":\"" + encodedKey + "\",\"size\":"
                + size + ",\"eTag\":\"0123\",\"sequencer\":\"0A1B2C3D4E5F678901\"}}}]}";
    }

    static String sns(String message) {
        return "{\"Type\":\"Notification\",\"MessageId\":\"9a1c\",\"TopicArn\":\"arn:aws:sns:us-east-1:111122223333:"
                + "cloudtrail\",\"Message\":" + quote(message) + ",\"Timestamp\":\"2026-11-27T10:05:03.000Z\"}";
    }

    static String eventBridge(String detailType, String bucket, String key) {
        return "{\"version\":\"0\",\"id\":\"17793124\",\"detail-type\":\"" + detailType + "\",\"source\":\"aws.s3\","
                + "\"account\":\"111122223333\",\"region\":\"us-east-1\",\"detail\":{\"version\":\"0\","
                + "\"bucket\":{\"name\":\"" + bucket + "\"},\"object\":{\"key\":\"" + key + "\",\"size\":42}}}";
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void readsAnS3EventNotificationAndDecodesItsKey() throws Exception {
        String encoded = "AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/27/manual+upload+%C3%A9%2B1.json.gz";
        assertThat(parser.parse(s3Event("ObjectCreated:Put", "logs", encoded, 1234)))
                .containsExactly(new S3ObjectRef("logs",
                        "AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/27/manual upload é+1.json.gz", 1234));
    }

    @Test
    void readsAnS3EventNotificationInsideAnSnsEnvelope() throws Exception {
        assertThat(parser.parse(sns(s3Event("ObjectCreated:CompleteMultipartUpload", "logs", KEY, 99))))
                .containsExactly(new S3ObjectRef("logs", KEY, 99));
    }

    @Test
    void readsCloudTrailsOwnSnsNotificationWithSeveralKeys() throws Exception {
        String message = "{\"s3Bucket\":\"logs\",\"s3ObjectKey\":[\"" + KEY + "\",\"a/b c.json.gz\"]}";
        assertThat(parser.parse(sns(message)))
                .containsExactly(new S3ObjectRef("logs", KEY, -1), new S3ObjectRef("logs", "a/b c.json.gz", -1));
        assertThat(parser.parse(message)).as("also delivered raw (SNS raw message delivery)").hasSize(2);
    }

    @Test
    void readsAnEventBridgeObjectCreatedEventWhoseKeyIsNotEncoded() throws Exception {
        assertThat(parser.parse(eventBridge("Object Created", "logs", "a/b+c%20d.json.gz")))
                .containsExactly(new S3ObjectRef("logs", "a/b+c%20d.json.gz", 42));
        assertThat(parser.parse(eventBridge("Object Deleted", "logs", "x"))).isEmpty();
    }

    @Test
    void announcesNothingForTestEventsAndOtherEvents() throws Exception {
        assertThat(parser.parse("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-11-27T10:00:00Z\","
                + "\"Bucket\":\"logs\",\"RequestId\":\"5582815E1AEA5ADF\"}")).isEmpty();
        assertThat(parser.parse(s3Event("ObjectRemoved:Delete", "logs", KEY, 0))).isEmpty();
    }

    @Test
    void refusesWhatIsNotANotificationSayingWhy() {
        assertThatThrownBy(() -> parser.parse("hello"))
                .isInstanceOf(NotificationParser.NotANotificationException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parser.parse("[1]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parser.parse("{\"foo\":1}")).hasMessageContaining("not an S3 event notification");
        assertThatThrownBy(() -> parser.parse("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{}}]}"))
                .hasMessageContaining("without s3.bucket.name");
        assertThatThrownBy(() -> parser.parse(s3Event("ObjectCreated:Put", "logs", "bad%zzkey", 1)))
                .hasMessageContaining("not URL-encoded correctly");
        assertThatThrownBy(() -> parser.parse(sns(sns("{}")))).hasMessageContaining("nested");
    }
}
