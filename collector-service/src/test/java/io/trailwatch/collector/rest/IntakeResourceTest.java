package io.trailwatch.collector.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trailwatch.contracts.EventHeaders;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.SharedInfra;
import io.trailwatch.infra.testing.TopicReader;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class IntakeResourceTest {

    private static final String INTAKE = "/api/v1/intake/cloudtrail";

    @Inject
    MeterRegistry metrics;

    @Test
    void publishesEveryRecordVerbatimKeyedByRecipientAccount() {
        String id1 = UUID.randomUUID().toString();
        String id2 = UUID.randomUUID().toString();
        String r1 = record(id1, "111122223333", "ConsoleLogin");
        String r2 = "{ \"eventID\": \"" + id2 + "\",  \"eventTime\":\"2026-11-27T10:05:00Z\", \"eventName\":\"GetObject\","
                + " \"userIdentity\": {\"accountId\": \"444455556666\"}, \"userAgent\": \"caf\\u00e9 <b>\" }";

        given().auth().preemptive().basic("admin", "test-admin")
                .contentType("application/json").body("{\"Records\":[" + r1 + ", " + r2 + "]}")
                .when().post(INTAKE)
                .then().statusCode(202).body("records", equalTo(2)).body("rejected", equalTo(0));

        List<ConsumerRecord<String, String>> published = read(2, id1, id2);
        assertThat(published).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(r1, r2);
        ConsumerRecord<String, String> first = published.stream().filter(r -> r.value().equals(r1)).findFirst().orElseThrow();
        assertThat(first.key()).isEqualTo("111122223333");
        assertThat(header(first, EventHeaders.SOURCE)).isEqualTo("http-upload:admin");
        assertThat(header(first, EventHeaders.RECORD_TYPE)).isEqualTo("cloudtrail");
        assertThat(header(first, EventHeaders.INGEST_TIME)).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(published.stream().filter(r -> r.value().equals(r2)).findFirst().orElseThrow().key())
                .as("falls back to the acting account").isEqualTo("444455556666");
    }

    @Test
    void acceptsGzipDeclaredByContentEncodingOrRecognisedByItsMagicBytes() throws IOException {
        String id1 = UUID.randomUUID().toString();
        String id2 = UUID.randomUUID().toString();
        given().auth().preemptive().basic("admin", "test-admin")
                .contentType("application/json").header("Content-Encoding", "gzip")
                .body(gzip("{\"Records\":[" + record(id1, "111122223333", "StopLogging") + "]}"))
                .when().post(INTAKE).then().statusCode(202).body("records", equalTo(1));
        given().auth().preemptive().basic("admin", "test-admin")
                .contentType("application/octet-stream")
                .body(gzip("{\"Records\":[" + record(id2, "111122223333", "DeleteTrail") + "]}"))
                .when().post(INTAKE).then().statusCode(202).body("records", equalTo(1));

        assertThat(read(2, id1, id2)).hasSize(2);
    }

    @Test
    void refusesBadRecordsOneByOneAndPublishesTheRestAndTheRejections() {
        String good = UUID.randomUUID().toString();
        String noTime = UUID.randomUUID().toString();
        String body = "{\"Records\":[" + record(good, "111122223333", "CreateVpc") + ","
                + "{\"eventTime\":\"2026-11-27T10:00:00Z\"},"
                + "{\"eventID\":\"" + noTime + "\"},"
                + "\"just a string\"]}";

        given().auth().preemptive().basic("admin", "test-admin").contentType("application/json").body(body)
                .when().post(INTAKE)
                .then().statusCode(202).body("records", equalTo(1)).body("rejected", equalTo(3))
                .body("problems[0].reason", equalTo("missing-field"))
                .body("problems[0].recordIndex", equalTo(1))
                .body("problems[1].message", containsString(noTime))
                .body("problems[2].reason", equalTo("bad-record"));

        assertThat(read(1, good)).hasSize(1);
        List<ConsumerRecord<String, String>> rejections = TopicReader.read(SharedInfra.kafka().bootstrapServers(),
                Topics.REJECTED, 1, Duration.ofSeconds(20), r -> r.value().contains(noTime));
        assertThat(rejections).hasSize(1);
        assertThat(rejections.get(0).value()).contains("\"reason\":\"missing-field\"", "\"rejectedBy\":\"collector-service\"");
    }

    @Test
    void refusesABodyThatIsNotACloudTrailFileWithAClearMessage() throws IOException {
        double rejectedBefore = rejectedUploads();
        given().auth().preemptive().basic("admin", "test-admin").contentType("application/json")
                .body("{\"hello\":\"world\"}")
                .when().post(INTAKE)
                .then().statusCode(400).body("error", equalTo("not-cloudtrail"))
                .body("message", containsString("no \"Records\" array"));
        given().auth().preemptive().basic("admin", "test-admin").contentType("application/json")
                .body("Records: none")
                .when().post(INTAKE)
                .then().statusCode(400).body("error", equalTo("not-json")).body("message", containsString("byte 0"));
        given().auth().preemptive().basic("admin", "test-admin").contentType("application/json")
                .header("Content-Encoding", "gzip").body("{\"Records\":[]}")
                .when().post(INTAKE)
                .then().statusCode(400).body("error", equalTo("bad-gzip"));
        byte[] truncated = gzip("{\"Records\":[" + record("x", "1", "y") + "]}");
        given().auth().preemptive().basic("admin", "test-admin").contentType("application/octet-stream")
                .body(java.util.Arrays.copyOf(truncated, truncated.length - 12))
                .when().post(INTAKE)
                .then().statusCode(400).body("error", equalTo("bad-gzip"));
        assertThat(rejectedUploads() - rejectedBefore).as("each rejected file counted once").isEqualTo(4.0);
    }

    @Test
    void refusesAnUploadLargerThanTheObjectLimitBeforeReadingIt() throws IOException {
        // The test profile limits objects to 4 MiB; the HTTP body limit follows it (64M elsewhere). Only the
        // headers are sent: the answer must come from the declared length, before any of the body is read.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String credentials = java.util.Base64.getEncoder()
                    .encodeToString("admin:test-admin".getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("POST " + INTAKE + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Basic " + credentials + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (4 * 1024 * 1024 + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
    }

    private double rejectedUploads() {
        io.micrometer.core.instrument.Counter counter = metrics.find("trailwatch.intake.files")
                .tags("source", "http-upload", "outcome", "rejected").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void needsAnAuthenticatedUserWithTheIngestRole() {
        given().contentType("application/json").body("{\"Records\":[]}")
                .when().post(INTAKE).then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong").contentType("application/json").body("{\"Records\":[]}")
                .when().post(INTAKE).then().statusCode(401);
        given().auth().preemptive().basic("viewer", "test-viewer").contentType("application/json")
                .body("{\"Records\":[]}")
                .when().post(INTAKE).then().statusCode(403);
    }

    @Test
    void acceptsConfiguredApiTokensAsBearerTokensWithTheIngestRoleOnly() {
        String plain = UUID.randomUUID().toString();
        String hashed = UUID.randomUUID().toString();
        given().header("Authorization", "Bearer plain-test-token-0123456789")
                .contentType("application/json").body("{\"Records\":[" + record(plain, "111122223333", "GetObject") + "]}")
                .when().post(INTAKE).then().statusCode(202).body("records", equalTo(1));
        given().header("Authorization", "bearer hashed-test-token-abcdef")
                .contentType("application/json").body("{\"Records\":[" + record(hashed, "111122223333", "GetObject") + "]}")
                .when().post(INTAKE).then().statusCode(202).body("records", equalTo(1));

        List<ConsumerRecord<String, String>> published = read(2, plain, hashed);
        assertThat(published).extracting(r -> header(r, EventHeaders.SOURCE))
                .as("the source names the token by a prefix of its hash, never the token")
                .allMatch(source -> source.matches("http-upload:token-[0-9a-f]{8}"))
                .doesNotHaveDuplicates();

        given().header("Authorization", "Bearer not-a-configured-token-at-all")
                .contentType("application/json").body("{\"Records\":[]}")
                .when().post(INTAKE).then().statusCode(401);
    }

    @Test
    void dropsRecordsWhoseEventIdWasPublishedRecently() {
        String id = UUID.randomUUID().toString();
        String file = "{\"Records\":[" + record(id, "111122223333", "PutBucketPolicy") + "]}";
        given().auth().preemptive().basic("admin", "test-admin").contentType("application/json").body(file)
                .when().post(INTAKE).then().statusCode(202).body("records", equalTo(1)).body("duplicates", equalTo(0));
        given().auth().preemptive().basic("admin", "test-admin").contentType("application/json").body(file)
                .when().post(INTAKE).then().statusCode(202).body("records", equalTo(0)).body("duplicates", equalTo(1));

        assertThat(read(1, id)).as("published once").hasSize(1);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("trailwatch_intake_duplicates_total{source=\"http-upload\"}"));
    }

    @Test
    void healthAndMetricsNeedNoCredentialsAndReadinessChecksKafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Kafka")));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(401);
        given().auth().preemptive().basic("viewer", "test-viewer").when().get("/q/openapi")
                .then().statusCode(200).body(containsString("/api/v1/intake/cloudtrail"));
    }

    private static List<ConsumerRecord<String, String>> read(int expected, String... eventIds) {
        return TopicReader.read(SharedInfra.kafka().bootstrapServers(), Topics.CLOUDTRAIL_EVENTS, expected,
                Duration.ofSeconds(20), r -> java.util.Arrays.stream(eventIds).anyMatch(id -> r.value().contains(id)));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static String record(String eventId, String account, String eventName) {
        return "{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":\"" + account
                + "\",\"userName\":\"alice\"},\"eventTime\":\"2026-11-27T10:04:31Z\",\"eventSource\":\"cloudtrail.amazonaws.com\","
                + "\"eventName\":\"" + eventName + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.10\","
                + "\"eventID\":\"" + eventId + "\",\"recipientAccountId\":\"" + account + "\"}";
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
