package io.trailwatch.alert.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.testing.SharedInfra;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Findings as rules-service publishes them, and a producer to put them on trailwatch.findings. */
public final class Findings {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private Findings() {
    }

    /** An account id no other test uses, so routes can match one test's findings only. */
    public static String uniqueAccount() {
        return String.valueOf(100_000_000_000L + ThreadLocalRandom.current().nextLong(899_999_999_999L));
    }

    public static String newId() {
        return "f-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public static ObjectNode finding(String id, String ruleId, String severity, String account) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("findingId", id);
        f.put("ruleId", ruleId);
        f.put("title", "Root account usage");
        f.put("severity", severity);
        f.put("category", "access");
        f.putObject("cis").put("v1.4.0", "1.7");
        f.put("accountId", account);
        f.put("region", "us-east-1");
        f.put("eventTime", "2026-11-27T10:04:31Z");
        f.put("eventID", UUID.randomUUID().toString());
        f.put("eventName", "ConsoleLogin");
        f.put("eventSource", "signin.amazonaws.com");
        f.putObject("principal").put("type", "Root").put("arn", "arn:aws:iam::" + account + ":root");
        f.put("sourceIPAddress", "203.0.113.10");
        f.putObject("geo").put("country", "JP");
        f.put("userAgent", "Mozilla/5.0");
        f.put("summary", "root signed in to the console of " + account);
        f.put("detectedAt", "2026-11-27T10:04:35Z");
        f.putObject("event").put("eventID", f.get("eventID").asText()).put("eventName", "ConsoleLogin");
        return f;
    }

    /** Values an attacker controls (user name, summary built from them) crafted to break each receiver's format. */
    public static final String HOSTILE = "eve <!channel> *bold* _it_ <https://evil.example|click> [x](https://evil.example) "
            + "{{DATE(2017-02-14T06:08:39Z, SHORT)}} [code]<img src=x onerror=alert(1)>[/code] <script>alert(1)</script> "
            + "\"quoted\" & done";

    /** A finding whose user name and summary carry {@link #HOSTILE}. */
    public static ObjectNode hostile(String id, String ruleId, String severity, String account) {
        ObjectNode f = finding(id, ruleId, severity, account);
        ((ObjectNode) f.get("principal")).put("userName", HOSTILE);
        f.put("summary", "console sign-in by " + HOSTILE);
        return f;
    }

    public static void publish(ObjectNode... findings) {
        publish(List.of(findings));
    }

    public static synchronized void publish(List<ObjectNode> findings) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", SharedInfra.kafka().bootstrapServers(),
                    "linger.ms", "0"), new StringSerializer(), new StringSerializer());
        }
        try {
            for (ObjectNode f : findings) {
                producer.send(new ProducerRecord<>(Topics.FINDINGS, f.path("accountId").asText(), f.toString()));
            }
            producer.flush();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot publish findings", e);
        }
    }
}
