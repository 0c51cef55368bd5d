package io.trailwatch.query;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.specification.RequestSpecification;
import io.trailwatch.contracts.ContractJson;
import io.trailwatch.infra.testing.SharedInfra;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test data and clients shared by the query-service tests. */
public final class TestSupport {

    public static final ObjectMapper JSON = ContractJson.newMapper();
    private static final AtomicLong ACCOUNTS = new AtomicLong(System.nanoTime() % 100_000_000L);
    private static KafkaProducer<String, String> producer;

    private TestSupport() {
    }

    public static RequestSpecification viewer() {
        return given().auth().preemptive().basic("viewer", "test-viewer");
    }

    public static RequestSpecification analyst() {
        return given().auth().preemptive().basic("analyst", "test-analyst");
    }

    public static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin");
    }

    /** An account id no other test uses, so tests can filter on it. */
    public static String uniqueAccount() {
        return String.format("%012d", 100_000_000_000L + ACCOUNTS.incrementAndGet() * 7919 % 899_999_999_999L);
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    /** Now, to the second, so times in assertions print the way the API prints them. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    public static synchronized void send(String topic, String key, String value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", SharedInfra.kafka().bootstrapServers(),
                    "linger.ms", "0"), new StringSerializer(), new StringSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** A CloudTrail record; {@code fields} override or add top-level fields. */
    public static ObjectNode event(String eventId, String account, String eventName, Instant time) {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventVersion", "1.11");
        ObjectNode identity = record.putObject("userIdentity");
        identity.put("type", "IAMUser");
        identity.put("principalId", "AIDAEXAMPLE");
        identity.put("arn", "arn:aws:iam::" + account + ":user/alice");
        identity.put("accountId", account);
        identity.put("accessKeyId", "AKIAEXAMPLE");
        identity.put("userName", "alice");
        record.put("eventTime", time.toString());
        record.put("eventSource", "signin.amazonaws.com");
        record.put("eventName", eventName);
        record.put("awsRegion", "us-east-1");
        record.put("sourceIPAddress", "203.0.113.10");
        record.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64)");
        record.putNull("requestParameters");
        record.put("eventID", eventId);
        record.put("readOnly", false);
        record.put("eventType", "AwsApiCall");
        record.put("managementEvent", true);
        record.put("recipientAccountId", account);
        return record;
    }

    /** A Finding for {@code ruleId} on an event of {@code account}. */
    public static ObjectNode finding(String findingId, String ruleId, String account, Instant eventTime) {
        String eventId = id();
        ObjectNode f = JSON.createObjectNode();
        f.put("findingId", findingId);
        f.put("ruleId", ruleId);
        f.put("title", "Title of " + ruleId);
        f.put("severity", "high");
        f.put("category", "access");
        f.putObject("cis").put("v1.4.0", "4.3");
        f.put("accountId", account);
        f.put("region", "us-east-1");
        f.put("eventTime", eventTime.toString());
        f.put("eventID", eventId);
        f.put("eventName", "ConsoleLogin");
        f.put("eventSource", "signin.amazonaws.com");
        ObjectNode principal = f.putObject("principal");
        principal.put("type", "IAMUser");
        principal.put("arn", "arn:aws:iam::" + account + ":user/alice");
        principal.put("userName", "alice");
        f.put("sourceIPAddress", "203.0.113.10");
        f.putObject("geo").put("country", "JP");
        f.put("userAgent", "Mozilla/5.0");
        f.put("summary", "alice did something in " + account);
        f.put("detectedAt", eventTime.plusSeconds(5).toString());
        f.set("event", event(eventId, account, "ConsoleLogin", eventTime));
        return f;
    }

    public static String fid() {
        return "f-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
