package io.trailwatch.simulator.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class S3EventNotificationTest {

    @Test
    void hasTheShapeS3SendsWithAnUrlEncodedKey() throws Exception {
        String json = S3EventNotification.objectCreatedPut("us-east-1", "2026-11-27T10:05:02.123Z",
                "AWS:AROAEXAMPLEID:regionalDeliverySession", "127.0.0.1", "C3D13FE58DE4C810", "id2", "bucket",
                "AWSLogs/o-abc/1/CloudTrail/us-east-1/a b:c=d.json.gz", 1234, "etag", "0055AED6DCD90281E5");
        JsonNode r = new ObjectMapper().readTree(json).get("Records").get(0);
        assertThat(r.get("eventVersion").asText()).isEqualTo("2.1");
        assertThat(r.get("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(r.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(r.at("/s3/bucket/name").asText()).isEqualTo("bucket");
        assertThat(r.at("/s3/bucket/arn").asText()).isEqualTo("arn:aws:s3:::bucket");
        assertThat(r.at("/s3/object/key").asText())
                .isEqualTo("AWSLogs/o-abc/1/CloudTrail/us-east-1/a+b%3Ac%3Dd.json.gz");
        assertThat(r.at("/s3/object/size").asLong()).isEqualTo(1234);
        assertThat(r.at("/s3/object/sequencer").asText()).isEqualTo("0055AED6DCD90281E5");
        assertThat(r.at("/s3/s3SchemaVersion").asText()).isEqualTo("1.0");
    }
}
