package io.trailwatch.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.contracts.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class LocalServersTest {

    @TempDir
    Path dir;

    @Test
    void kafkaBrokerCreatesTopicsAndKeepsDataAcrossARestart() throws Exception {
        int port;
        try (KafkaBroker broker = KafkaBroker.start(dir, 0)) {
            port = broker.port();
            broker.createTopics(TopicSpec.platformTopics(12));
            broker.createTopics(TopicSpec.platformTopics(12));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                assertThat(admin.describeTopics(List.of(Topics.CLOUDTRAIL_EVENTS)).allTopicNames().get()
                        .get(Topics.CLOUDTRAIL_EVENTS).partitions()).hasSize(12);
                assertThat(admin.listTopics().names().get())
                        .contains(Topics.FINDINGS, Topics.METRICS, Topics.REJECTED);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.FINDINGS, "111122223333", "{\"a\":1}")).get();
            }
        }
        try (KafkaBroker restarted = KafkaBroker.start(dir, port);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     "bootstrap.servers", restarted.bootstrapServers(), "group.id", "t",
                     "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.FINDINGS));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.isEmpty() && System.currentTimeMillis() < deadline) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.count()).isEqualTo(1);
            assertThat(records.iterator().next().value()).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void postgresRunsRealSqlAndKeepsDataAcrossARestart() throws Exception {
        int port;
        try (PostgresServer postgres = PostgresServer.start(dir.resolve("pg"), 0)) {
            port = postgres.port();
            postgres.ensureDatabase("trailwatch");
            postgres.ensureDatabase("trailwatch");
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("trailwatch"), "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id jsonb)");
                s.execute("INSERT INTO t VALUES ('{\"k\": 1}')");
            }
        }
        try (PostgresServer postgres = PostgresServer.start(dir.resolve("pg"), port);
             Connection c = DriverManager.getConnection(postgres.jdbcUrl("trailwatch"), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id->>'k' FROM t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("1");
        }
    }

    @Test
    void s3ServerStoresObjectsOnDiskAndAcceptsAnonymousRequests() throws Exception {
        try (S3Server s3 = S3Server.start(dir.resolve("s3"), 0);
             S3Client client = S3Client.builder().endpointOverride(URI.create(s3.endpoint()))
                     .region(Region.US_EAST_1).forcePathStyle(true)
                     .credentialsProvider(AnonymousCredentialsProvider.create())
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            s3.ensureBucket("trailwatch-cloudtrail");
            s3.ensureBucket("trailwatch-cloudtrail");
            String key = "AWSLogs/o-abc1234567/111122223333/CloudTrail/us-east-1/2026/11/27/f.json.gz";
            client.putObject(b -> b.bucket("trailwatch-cloudtrail").key(key), RequestBody.fromString("x"));
            assertThat(client.getObjectAsBytes(b -> b.bucket("trailwatch-cloudtrail").key(key)).asUtf8String())
                    .isEqualTo("x");
        }
    }

    @Test
    void sqsServerMovesAMessageToTheDeadLetterQueueAfterMaxReceives() {
        try (SqsServer sqs = SqsServer.start(0); SqsClient client = sqs.client()) {
            String url = sqs.ensureQueueWithDeadLetterQueue("notifications", 2, 1);
            client.sendMessage(b -> b.queueUrl(url).messageBody("poison"));
            for (int i = 0; i < 2; i++) {
                List<Message> got = client.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)).messages();
                assertThat(got).hasSize(1);
                client.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(got.get(0).receiptHandle())
                        .visibilityTimeout(0));
            }
            assertThat(client.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages()).isEmpty();
            String dlq = client.getQueueUrl(b -> b.queueName("notifications-dlq")).queueUrl();
            assertThat(client.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(5)).messages())
                    .extracting(Message::body).containsExactly("poison");
        }
    }
}
