package io.trailwatch.rules.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trailwatch.contracts.ContractJson;
import io.trailwatch.contracts.Finding;
import io.trailwatch.contracts.FindingIds;
import io.trailwatch.contracts.Rejection;
import io.trailwatch.contracts.RejectionReason;
import io.trailwatch.contracts.Severity;
import io.trailwatch.contracts.Topics;
import io.trailwatch.rules.config.RulesConfig;
import io.trailwatch.rules.engine.rule.RuleSet;
import io.trailwatch.rules.service.FindingFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RulesTopologyTest {

    private static final ObjectMapper MAPPER = ContractJson.newMapper();

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> events;
    private TestOutputTopic<String, String> findings;
    private TestOutputTopic<String, String> rejected;

    @BeforeEach
    void start() {
        EventEvaluator evaluator = new EventEvaluator(RuleSet.builtin(), new FindingFactory(), MAPPER,
                new SimpleMeterRegistry());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "rules-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(new RulesTopology(evaluator, new TestConfig(), MAPPER).topology(), props);
        events = driver.createInputTopic(Topics.CLOUDTRAIL_EVENTS, new StringSerializer(), new ByteArraySerializer());
        findings = driver.createOutputTopic(Topics.FINDINGS, new StringDeserializer(), new StringDeserializer());
        rejected = driver.createOutputTopic(Topics.REJECTED, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void rootConsoleSignInRaisesARootUsageFindingWithTheRecord() throws Exception {
        String record = "{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"Root\",\"principalId\":\"111122223333\","
                + "\"arn\":\"arn:aws:iam::111122223333:root\",\"accountId\":\"111122223333\",\"accessKeyId\":\"\"},"
                + "\"eventTime\":\"2026-11-27T10:04:31Z\",\"eventSource\":\"signin.amazonaws.com\","
                + "\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.10\","
                + "\"userAgent\":\"Mozilla/5.0\",\"requestParameters\":null,"
                + "\"responseElements\":{\"ConsoleLogin\":\"Success\"},"
                + "\"additionalEventData\":{\"LoginTo\":\"https://console.aws.amazon.com/\",\"MobileVersion\":\"No\","
                + "\"MFAUsed\":\"Yes\"},\"eventID\":\"e-root-1\",\"readOnly\":false,\"eventType\":\"AwsConsoleSignIn\","
                + "\"managementEvent\":true,\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}";

        events.pipeInput("111122223333", record.getBytes(StandardCharsets.UTF_8));

        List<Finding> out = findings.readValuesToList().stream().map(RulesTopologyTest::finding).toList();
        assertThat(out).extracting(Finding::ruleId).contains("cis-root-account-usage");
        Finding root = out.stream().filter(f -> f.ruleId().equals("cis-root-account-usage")).findFirst().orElseThrow();
        assertThat(root.findingId()).isEqualTo(FindingIds.forEvent("cis-root-account-usage", "e-root-1"));
        assertThat(root.severity()).isGreaterThanOrEqualTo(Severity.HIGH);
        assertThat(root.accountId()).isEqualTo("111122223333");
        assertThat(root.principal().userName()).isEqualTo("root");
        assertThat(root.summary()).contains("root", "111122223333");
        assertThat(root.event()).isEqualTo(MAPPER.readTree(record));
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void benignReadRaisesNothing() {
        String record = "{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"AssumedRole\",\"accountId\":\"111122223333\"},"
                + "\"eventTime\":\"2026-11-27T10:04:31Z\",\"eventSource\":\"ec2.amazonaws.com\","
                + "\"eventName\":\"DescribeInstances\",\"awsRegion\":\"eu-west-1\",\"readOnly\":true,"
                + "\"eventID\":\"e-benign\",\"recipientAccountId\":\"111122223333\"}";
        events.pipeInput("111122223333", record.getBytes(StandardCharsets.UTF_8));
        assertThat(findings.isEmpty()).isTrue();
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void unreadableMessageIsRejectedAndTheStreamGoesOn() throws Exception {
        events.pipeInput("111122223333", "{broken".getBytes(StandardCharsets.UTF_8));
        events.pipeInput("111122223333", ("{\"eventID\":\"e2\",\"eventTime\":\"2026-11-27T10:04:31Z\","
                + "\"userIdentity\":{\"type\":\"Root\"},\"eventName\":\"StopLogging\",\"eventSource\":\"cloudtrail.amazonaws.com\","
                + "\"recipientAccountId\":\"1\"}").getBytes(StandardCharsets.UTF_8));

        Rejection rejection = MAPPER.readValue(rejected.readValue(), Rejection.class);
        assertThat(rejection.reason()).isEqualTo(RejectionReason.NOT_JSON);
        assertThat(rejection.source()).startsWith(Topics.CLOUDTRAIL_EVENTS + "/0@");
        assertThat(rejection.sample()).isEqualTo("{broken");
        assertThat(findings.readValuesToList()).isNotEmpty();
    }

    private static Finding finding(String json) {
        try {
            return MAPPER.readValue(json, Finding.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final class TestConfig implements RulesConfig {
        public Optional<String> cisVersion() {
            return Optional.empty();
        }

        public Optional<Path> customDir() {
            return Optional.empty();
        }

        public Optional<Set<String>> enable() {
            return Optional.empty();
        }

        public Optional<Set<String>> disable() {
            return Optional.empty();
        }

        public String eventsTopic() {
            return Topics.CLOUDTRAIL_EVENTS;
        }

        public String findingsTopic() {
            return Topics.FINDINGS;
        }

        public String rejectedTopic() {
            return Topics.REJECTED;
        }
    }
}
