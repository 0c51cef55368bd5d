package io.trailwatch.rules.streams;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.SharedInfra;
import io.trailwatch.infra.testing.TopicReader;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class RulesServiceTest {

    @Test
    void publishesAFindingForARootActionOnARealBrokerExactlyOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String record = "{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"Root\",\"arn\":\"arn:aws:iam::111122223333:root\","
                + "\"accountId\":\"111122223333\"},\"eventTime\":\"2026-11-27T10:04:31Z\","
                + "\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\",\"awsRegion\":\"us-east-1\","
                + "\"eventID\":\"" + eventId + "\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", SharedInfra.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CLOUDTRAIL_EVENTS, "111122223333", record)).get();
        }

        var found = TopicReader.read(SharedInfra.kafka().bootstrapServers(), Topics.FINDINGS, 2,
                Duration.ofSeconds(60), r -> r.value().contains(eventId));

        assertThat(found).extracting(r -> r.value().replaceAll(".*\"ruleId\":\"([^\"]+)\".*", "$1"))
                .containsExactlyInAnyOrder("cis-root-account-usage", "cis-cloudtrail-config-changes");
        assertThat(found).allSatisfy(r -> assertThat(r.key()).isEqualTo("111122223333"));
    }

    @Test
    void readinessReportsKafkaStreams() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
