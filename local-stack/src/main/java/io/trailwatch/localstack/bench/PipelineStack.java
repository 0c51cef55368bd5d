package io.trailwatch.localstack.bench;

import io.trailwatch.infra.PostgresServer;
import io.trailwatch.infra.SqsServer;
import io.trailwatch.localstack.LocalStack;
import io.trailwatch.localstack.StackOptions;
import io.trailwatch.localstack.StackPorts;
import io.trailwatch.simulator.sink.S3SinkConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The local stack as the benchmark and the ground-truth check run it: free ports, no demo traffic, alert-service
 * notifying a {@link WebhookReceiver} through its bootstrap webhook channel, and files going to a bucket of their
 * own whose S3 notifications go to the stack's queue, so only the notification path (not the bucket listing the
 * local stack may also configure) reads them.
 */
public final class PipelineStack implements AutoCloseable {

    public static final String BUCKET = "trailwatch-bench";
    private static final Pattern SQS_SOURCE = Pattern.compile("TRAILWATCH_COLLECTOR_SOURCES_SQS_[A-Z0-9]+_QUEUE_URL");

    private final LocalStack stack;
    private final WebhookReceiver webhooks;
    private final PipelineProbe probe;

    private PipelineStack(LocalStack stack, WebhookReceiver webhooks, PipelineProbe probe) {
        this.stack = stack;
        this.webhooks = webhooks;
        this.probe = probe;
    }

    /** Starts everything; on failure stops what was started and rethrows. */
    public static PipelineStack start(Path home, Path dataDir, Map<String, String> environment,
                                      Consumer<String> progress) {
        StackPorts ports = StackPorts.free();
        WebhookReceiver webhooks = new WebhookReceiver();
        Map<String, Map<String, String>> extraEnv = Map.of(
                "alert-service", alertEnvironment(webhooks.url()),
                "collector-service", collectorEnvironment(ports));
        LocalStack stack = new LocalStack(new StackOptions(home, dataDir, ports, false, extraEnv), environment,
                progress);
        try {
            stack.start();
            String expectedQueue = queueUrl(ports);
            if (!expectedQueue.equals(stack.queueUrl())) {
                throw new IllegalStateException("the stack's queue is " + stack.queueUrl() + ", not " + expectedQueue
                        + " as the collector was told");
            }
            createBucket(stack.s3Endpoint());
            PipelineProbe probe = new PipelineProbe(stack.kafkaBootstrapServers(), stack.jdbcUrl(),
                    PostgresServer.USER, PostgresServer.USER);
            return new PipelineStack(stack, webhooks, probe);
        } catch (RuntimeException e) {
            stack.close();
            webhooks.close();
            throw e;
        }
    }

    /** The bootstrap channel and route of alert-service, and leave to reach the receiver on loopback over http. */
    static Map<String, String> alertEnvironment(String webhookUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TRAILWATCH_ALERT_BOOTSTRAP_WEBHOOK_URL", webhookUrl);
        env.put("TRAILWATCH_ALERT_ALLOWED_CIDRS", "127.0.0.0/8,::1/128");
        env.put("TRAILWATCH_ALERT_ALLOW_HTTP", "true");
        return env;
    }

    /**
     * The collector reads the stack's queue when its local-env file configures an SQS source; otherwise the
     * benchmark adds one (named bench) for the same queue.
     */
    static Map<String, String> collectorEnvironment(StackPorts ports) {
        if (localEnvConfiguresSqsSource()) {
            return Map.of();
        }
        String prefix = "TRAILWATCH_COLLECTOR_SOURCES_SQS_BENCH_";
        Map<String, String> env = new LinkedHashMap<>();
        env.put(prefix + "QUEUE_URL", queueUrl(ports));
        env.put(prefix + "SQS_ENDPOINT", "http://127.0.0.1:" + ports.sqs());
        env.put(prefix + "S3_ENDPOINT", "http://127.0.0.1:" + ports.s3());
        env.put(prefix + "REGION", SqsServer.REGION);
        env.put(prefix + "PATH_STYLE", "true");
        env.put(prefix + "ANONYMOUS", "true");
        return env;
    }

    static boolean localEnvConfiguresSqsSource() {
        Properties properties = new Properties();
        try (InputStream in = PipelineStack.class.getResourceAsStream("/local-env/collector-service.properties")) {
            if (in == null) {
                return false;
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read local-env/collector-service.properties", e);
        }
        return properties.stringPropertyNames().stream().anyMatch(k -> SQS_SOURCE.matcher(k).matches());
    }

    /** ElasticMQ's URL of the stack's notification queue, known before the stack starts. */
    static String queueUrl(StackPorts ports) {
        return "http://127.0.0.1:" + ports.sqs() + "/" + SqsServer.ACCOUNT_ID + "/" + StackOptions.QUEUE;
    }

    private static void createBucket(String endpoint) {
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .region(Region.of(SqsServer.REGION)).credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            s3.createBucket(b -> b.bucket(BUCKET));
        } catch (S3Exception e) {
            // 409: a second run on the same data directory, the bucket is there already.
            if (e.statusCode() != 409) {
                throw new IllegalStateException("cannot create bucket " + BUCKET + " at " + endpoint + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Where the simulator puts files: the bench bucket, with or without an S3 notification per file. */
    public S3SinkConfig sinkConfig(boolean notify) {
        return S3SinkConfig.local(URI.create(stack.s3Endpoint()), BUCKET, notify ? stack.queueUrl() : null);
    }

    public LocalStack stack() {
        return stack;
    }

    public WebhookReceiver webhooks() {
        return webhooks;
    }

    public PipelineProbe probe() {
        return probe;
    }

    @Override
    public void close() {
        probe.close();
        stack.close();
        webhooks.close();
    }
}
