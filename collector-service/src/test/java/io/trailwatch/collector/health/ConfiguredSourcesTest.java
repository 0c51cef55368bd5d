package io.trailwatch.collector.health;

import static io.restassured.RestAssured.given;
import static io.trailwatch.collector.testing.CloudTrailFiles.file;
import static io.trailwatch.collector.testing.CloudTrailFiles.gzip;
import static io.trailwatch.collector.testing.CloudTrailFiles.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.trailwatch.collector.testing.Buckets;
import io.trailwatch.collector.testing.Queues;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.SharedInfra;
import io.trailwatch.infra.testing.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sources from configuration, as an operator sets them: they run at start and readiness reports them. */
@QuarkusTest
@TestProfile(ConfiguredSourcesTest.WithSources.class)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ConfiguredSourcesTest {

    static final String BUCKET = "configured-" + UUID.randomUUID().toString().substring(0, 8);
    static String queue;

    /** One SQS source and one bucket listing, on the shared S3/SQS-compatible servers. */
    public static class WithSources implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Sources.class));
        }
    }

    public static class Sources implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Buckets.createNamed(BUCKET);
            queue = Queues.create("configured", 5, 60);
            String s3 = SharedInfra.s3().endpoint();
            return Map.ofEntries(
                    Map.entry("trailwatch.collector.sources.sqs.main.queue-url", queue),
                    Map.entry("trailwatch.collector.sources.sqs.main.sqs-endpoint", SharedInfra.sqs().endpoint()),
                    Map.entry("trailwatch.collector.sources.sqs.main.s3-endpoint", s3),
                    Map.entry("trailwatch.collector.sources.sqs.main.path-style", "true"),
                    Map.entry("trailwatch.collector.sources.sqs.main.anonymous", "true"),
                    Map.entry("trailwatch.collector.sources.sqs.main.region", "us-east-1"),
                    Map.entry("trailwatch.collector.sources.sqs.main.wait-time", "1s"),
                    Map.entry("trailwatch.collector.sources.s3.archive.bucket", BUCKET),
                    Map.entry("trailwatch.collector.sources.s3.archive.prefix", "org-trail"),
                    Map.entry("trailwatch.collector.sources.s3.archive.s3-endpoint", s3),
                    Map.entry("trailwatch.collector.sources.s3.archive.path-style", "true"),
                    Map.entry("trailwatch.collector.sources.s3.archive.anonymous", "true"),
                    Map.entry("trailwatch.collector.sources.s3.archive.region", "us-east-1"),
                    Map.entry("trailwatch.collector.sources.s3.archive.interval", "1s"),
                    Map.entry("trailwatch.collector.sources.s3.archive.start-date", "2026-01-01"));
        }

        @Override
        public void stop() {
            // The servers are shared by the test JVM.
        }
    }

    @Test
    void runsEveryConfiguredSourceAndIsReadyWhenTheyAnswer() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Collector sources' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Collector sources' }.data.'sqs/main'", containsString("UP"))
                .body("checks.find { it.name == 'Collector sources' }.data.'s3/archive'", containsString("UP"));

        String notified = UUID.randomUUID().toString();
        String notifiedKey = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/27/notified.json.gz";
        Buckets.put(BUCKET, notifiedKey, gzip(file(List.of(record(notified, "111122223333", "CreateTrail")))));
        Queues.send(queue, Queues.s3Notification(BUCKET, notifiedKey, 10));
        String listed = UUID.randomUUID().toString();
        Buckets.put(BUCKET, "org-trail/AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail/us-east-1/2026/11/27/listed.json.gz",
                gzip(file(List.of(record(listed, "111122223333", "DeleteTrail")))));

        assertThat(TopicReader.read(SharedInfra.kafka().bootstrapServers(), Topics.CLOUDTRAIL_EVENTS, 2,
                Duration.ofSeconds(30), r -> r.value().contains(notified) || r.value().contains(listed))).hasSize(2);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("trailwatch_sqs_messages_received_total{source=\"sqs/main\"}"))
                .body(containsString("trailwatch_sqs_messages_deleted_total{source=\"sqs/main\"}"))
                .body(containsString("trailwatch_sqs_messages_inflight{source=\"sqs/main\"}"))
                .body(containsString("trailwatch_sqs_oldest_notification_age_seconds{source=\"sqs/main\"}"))
                .body(containsString("trailwatch_sqs_notification_lag_seconds_count{source=\"sqs/main\"}"))
                .body(containsString("trailwatch_listing_lag_seconds{prefix=\"org-trail/AWSLogs/o-a1b2c3d4e5/"
                        + "111122223333/CloudTrail/us-east-1/\",source=\"s3/archive\"}"))
                .body(containsString("trailwatch_intake_records_total{source=\"s3\"}"))
                .body(containsString("trailwatch_intake_publish_latency_seconds_count"));
    }
}
