package io.trailwatch.infra;

import java.net.URI;
import java.util.Map;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** An SQS-compatible server (ElasticMQ) on loopback. Queues live in memory. */
public final class SqsServer implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";

    private final SQSRestServer server;
    private final int port;

    private SqsServer(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts the server on {@code port} (0 = any free port). */
    public static SqsServer start(int port) {
        int actualPort = FreePorts.orFree(port);
        SQSRestServer server = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withPort(actualPort)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", actualPort, ""))
                .withAWSRegion(REGION)
                .withAWSAccountId(ACCOUNT_ID)
                .start();
        server.waitUntilStarted();
        return new SqsServer(server, actualPort);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Creates {@code queue} with a dead-letter queue {@code queue + "-dlq"} that receives a message after
     * {@code maxReceiveCount} receives, and returns the queue URL. Existing queues are kept.
     */
    public String ensureQueueWithDeadLetterQueue(String queue, int maxReceiveCount, int visibilityTimeoutSeconds) {
        try (SqsClient sqs = client()) {
            String dlqUrl = sqs.createQueue(b -> b.queueName(queue + "-dlq")).queueUrl();
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
            return sqs.createQueue(b -> b.queueName(queue).attributes(Map.of(
                    QueueAttributeName.REDRIVE_POLICY, redrive,
                    QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(visibilityTimeoutSeconds)))).queueUrl();
        }
    }

    /** A client for this server (any credentials are accepted). */
    public SqsClient client() {
        return SqsClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
