package io.trailwatch.simulator.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.simulator.SimulatorListener;
import io.trailwatch.simulator.TrafficSimulator;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The S3 sink against a real S3-compatible server (S3Proxy) and a real SQS-compatible one (ElasticMQ). */
class S3SqsSinkIT {

    private static final String BUCKET = "trailwatch-cloudtrail";
    private static S3Proxy s3proxy;
    private static SQSRestServer elasticmq;
    private static URI s3Endpoint;
    private static URI sqsEndpoint;

    @BeforeAll
    static void startServers() throws Exception {
        BlobStore store = new TransientNio2BlobStore();
        store.createContainer(BUCKET);
        int s3Port = freePort();
        s3proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:" + s3Port))
                .awsAuthentication(AuthenticationType.NONE, "", "").ignoreUnknownHeaders(true).stopTimeout(0)
                .build();
        s3proxy.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"STARTED".equals(s3proxy.getState()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        s3Endpoint = URI.create("http://127.0.0.1:" + s3Port);
        int sqsPort = freePort();
        elasticmq = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(sqsPort)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", sqsPort, "")).withAWSRegion("us-east-1")
                .withAWSAccountId("000000000000").start();
        elasticmq.waitUntilStarted();
        sqsEndpoint = URI.create("http://127.0.0.1:" + sqsPort);
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (elasticmq != null) {
            elasticmq.stopAndWait();
        }
        if (s3proxy != null) {
            s3proxy.stop();
        }
    }

    @Test
    void putsEveryFileAndNotifiesSqsWithTheS3EventFormat() throws IOException {
        String queueUrl;
        try (SqsClient sqs = sqsClient()) {
            queueUrl = sqs.createQueue(b -> b.queueName("cloudtrail-notifications")).queueUrl();
        }
        List<LogFile> delivered = new CopyOnWriteArrayList<>();
        TrafficSimulator.builder().seed(21).start(Instant.parse("2026-11-27T10:00:00Z"))
                .duration(Duration.ofMinutes(15)).eventsPerSecond(1).scenarios(ScenarioSchedule.demo())
                .asFastAsPossible()
                .sink(Sinks.s3(S3SinkConfig.local(s3Endpoint, BUCKET, queueUrl)))
                .listener(new SimulatorListener() {
                    @Override
                    public void fileDelivered(LogFile file) {
                        delivered.add(file);
                    }
                }).build().start().await();
        assertThat(delivered).hasSizeGreaterThan(20);

        Map<String, JsonNode> notifications = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (SqsClient sqs = sqsClient()) {
            while (true) {
                List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(0)).messages();
                if (batch.isEmpty()) {
                    break;
                }
                for (Message m : batch) {
                    JsonNode record = json.readTree(m.body()).get("Records").get(0);
                    notifications.put(record.at("/s3/object/key").asText(), record);
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                }
            }
        }
        assertThat(notifications).hasSize(delivered.size());

        try (S3Client s3 = s3Client()) {
            List<String> keys = new ArrayList<>();
            s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().forEach(o -> keys.add(o.key()));
            assertThat(keys).containsExactlyInAnyOrderElementsOf(delivered.stream().map(LogFile::key).toList());
            for (LogFile f : delivered) {
                ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(f.key()));
                assertThat(object.asByteArray()).isEqualTo(f.content());
                assertThat(object.response().contentType()).isEqualTo("application/json");
                assertThat(object.response().contentEncoding()).isEqualTo("gzip");

                JsonNode n = notifications.get(S3EventNotification.encodeKey(f.key()));
                assertThat(n).as("notification for " + f.key()).isNotNull();
                assertThat(n.get("eventVersion").asText()).isEqualTo("2.1");
                assertThat(n.get("eventSource").asText()).isEqualTo("aws:s3");
                assertThat(n.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
                assertThat(n.at("/s3/bucket/name").asText()).isEqualTo(BUCKET);
                assertThat(n.at("/s3/object/size").asLong()).isEqualTo(f.content().length);
                assertThat(n.at("/s3/object/eTag").asText()).isEqualTo(object.response().eTag().replace("\"", ""));
                assertThat(n.at("/s3/object/sequencer").asText()).matches("[0-9A-F]{18}");
                assertThat(n.get("eventTime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            }
        }
    }

    @Test
    void aMissingBucketIsReportedWithTheServersError() {
        LogFileSink sink = new RetryingSink(Sinks.s3(S3SinkConfig.local(s3Endpoint, "no-such-bucket", null)), 3,
                Duration.ofMillis(10), Duration.ofMillis(10));
        LogFile file = new LogFile("AWSLogs/o-abcdefghij/111122223333/CloudTrail/us-east-1/2026/11/27/x.json.gz",
                "111122223333", "us-east-1", 0, new byte[] {1}, 1, List.of());
        assertThatThrownBy(() -> sink.deliver(file)).isInstanceOf(SinkException.class)
                .hasMessageContaining("NoSuchBucket").hasMessageContaining("x.json.gz")
                .hasMessageContaining("s3://no-such-bucket");
        sink.close();
    }

    private static SqsClient sqsClient() {
        return SqsClient.builder().endpointOverride(sqsEndpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static S3Client s3Client() {
        return S3Client.builder().endpointOverride(s3Endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
