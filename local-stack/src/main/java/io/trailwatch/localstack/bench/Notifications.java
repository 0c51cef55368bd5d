package io.trailwatch.localstack.bench;

import io.trailwatch.infra.SqsServer;
import io.trailwatch.simulator.sink.S3EventNotification;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends the S3 ObjectCreated notifications of files already in the bucket, ten per SendMessageBatch, as S3 would
 * have sent them: the throughput run stages its files first so that generating them does not share the CPU with
 * the pipeline it measures.
 */
final class Notifications {

    private Notifications() {
    }

    static void send(String sqsEndpoint, String queueUrl, String bucket, List<DeliveredFile> files) {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(sqsEndpoint))
                .region(Region.of(SqsServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            long sequencer = System.currentTimeMillis() << 16;
            for (int from = 0; from < files.size(); from += 10) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (DeliveredFile file : files.subList(from, Math.min(files.size(), from + 10))) {
                    String body = S3EventNotification.objectCreatedPut(SqsServer.REGION, Instant.now().toString(),
                            "AWS:AROABENCHMARK:regionalDeliverySession", "127.0.0.1", "BENCH" + entries.size(),
                            "bench", bucket, file.key(), file.bytes(), file.md5Hex(),
                            String.format("%018X", ++sequencer));
                    entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(entries.size()))
                            .messageBody(body).build());
                }
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                if (!response.failed().isEmpty()) {
                    throw new IllegalStateException("the queue refused " + response.failed().size()
                            + " notifications: " + response.failed().get(0).message());
                }
            }
        }
    }
}
