package io.trailwatch.simulator.sink;

import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.random.RandomIds;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts each file into an S3-compatible bucket as CloudTrail does ({@code application/json}, {@code gzip}
 * content encoding) and, when a queue is configured, sends the S3 event notification for it to SQS, since
 * S3-compatible servers send none themselves.
 */
public final class S3Sink implements LogFileSink {

    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final S3SinkConfig config;
    private final SdkHttpClient http;
    private final S3Client s3;
    private final SqsClient sqs;
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() << 16);
    private final SplittableRandom ids = new SplittableRandom();
    private final String principalId;

    public S3Sink(S3SinkConfig config) {
        this.config = config;
        this.http = UrlConnectionHttpClient.builder().connectionTimeout(config.timeout())
                .socketTimeout(config.timeout()).build();
        AwsCredentialsProvider credentials = config.anonymous() ? AnonymousCredentialsProvider.create()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId(),
                config.secretAccessKey()));
        S3ClientBuilder s3Builder = S3Client.builder().httpClient(http).region(Region.of(config.region()))
                .credentialsProvider(credentials).forcePathStyle(config.pathStyle())
                // S3-compatible servers do not all accept the SDK's default trailing checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (config.endpoint() != null) {
            s3Builder.endpointOverride(config.endpoint());
        }
        this.s3 = s3Builder.build();
        if (config.queueUrl() != null) {
            URI queue = URI.create(config.queueUrl());
            URI endpoint = config.sqsEndpoint() != null ? config.sqsEndpoint()
                    : URI.create(queue.getScheme() + "://" + queue.getAuthority());
            SqsClientBuilder sqsBuilder = SqsClient.builder().httpClient(http).region(Region.of(config.region()))
                    .credentialsProvider(credentials).endpointOverride(endpoint);
            this.sqs = sqsBuilder.build();
        } else {
            this.sqs = null;
        }
        this.principalId = "AWS:AROA" + RandomIds.upperAlnum(new SplittableRandom(config.bucket().hashCode()), 17)
                + ":regionalDeliverySession";
    }

    @Override
    public void deliver(LogFile file) throws SinkException {
        PutObjectResponse put;
        try {
            put = s3.putObject(b -> b.bucket(config.bucket()).key(file.key()).contentType("application/json")
                    .contentEncoding("gzip"), RequestBody.fromBytes(file.content()));
        } catch (SdkException e) {
            throw failure("PutObject " + file.key(), e);
        }
        if (sqs == null) {
            return;
        }
        String eTag = put.eTag() == null ? "" : put.eTag().replace("\"", "");
        String body;
        synchronized (ids) {
            body = S3EventNotification.objectCreatedPut(config.region(),
                    EVENT_TIME.format(Instant.now()), principalId, "127.0.0.1",
                    RandomIds.upperHex(ids, 16), RandomIds.mixedAlnum(ids, 56), config.bucket(), file.key(),
                    file.content().length, eTag, String.format("%018X", sequencer.incrementAndGet()));
        }
        try {
            sqs.sendMessage(b -> b.queueUrl(config.queueUrl()).messageBody(body));
        } catch (SdkException e) {
            throw failure("SendMessage for " + file.key() + " to " + config.queueUrl(), e);
        }
    }

    private SinkException failure(String what, SdkException e) {
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? service.getMessage()
                    : service.awsErrorDetails().errorMessage();
            boolean retryable = status >= 500 || status == 429 || status == 408 || service.isThrottlingException();
            return new SinkException(what + " failed at " + describe() + ": " + code + " (HTTP " + status + ") "
                    + message, retryable, e);
        }
        return new SinkException(what + " failed at " + describe() + ": " + e.getMessage(), e.retryable()
                || e.getCause() instanceof java.io.IOException, e);
    }

    @Override
    public String describe() {
        String where = config.endpoint() == null ? "AWS " + config.region() : config.endpoint().toString();
        return "s3://" + config.bucket() + " at " + where
                + (config.queueUrl() == null ? "" : " with notifications to " + config.queueUrl());
    }

    @Override
    public void close() {
        s3.close();
        if (sqs != null) {
            sqs.close();
        }
        http.close();
    }
}
