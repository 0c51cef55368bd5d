package io.trailwatch.collector.client;

import io.trailwatch.collector.config.CollectorConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The AWS clients of one source, sharing one HTTP client (URL connection: no extra threads, no native code) and
 * one credentials provider: the SDK's default chain (environment, profile, IRSA web identity, container and
 * instance roles), optionally exchanged for a role assumed through STS, or anonymous for a local server.
 */
public final class AwsClients implements AutoCloseable {

    private static final Pattern SQS_HOST = Pattern.compile("^sqs[.-]([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");
    private static final Region FALLBACK_REGION = Region.US_EAST_1;

    private final CollectorConfig.AwsAccess access;
    private final SdkHttpClient http;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    /** Closed most recent first, so the HTTP client goes last. */
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /**
     * @param sourceName names the STS session, so CloudTrail of the bucket's account shows which source read it
     * @param queueUrl the source's queue, whose host names the region on AWS; null for a bucket source
     */
    public AwsClients(String sourceName, CollectorConfig.AwsAccess access, String queueUrl) {
        this.access = access;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
        resources.push(http);
        this.region = access.region().map(Region::of).orElseGet(() -> regionOf(queueUrl));
        this.credentials = credentials(sourceName);
    }

    private AwsCredentialsProvider credentials(String sourceName) {
        if (access.anonymous()) {
            return AnonymousCredentialsProvider.create();
        }
        DefaultCredentialsProvider base = DefaultCredentialsProvider.builder().build();
        resources.push(base);
        Optional<String> role = access.roleArn().filter(r -> !r.isBlank());
        if (role.isEmpty()) {
            return base;
        }
        StsClientBuilder sts = StsClient.builder().httpClient(http).region(region).credentialsProvider(base);
        access.stsEndpoint().ifPresent(sts::endpointOverride);
        StsClient stsClient = sts.build();
        resources.push(stsClient);
        StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(stsClient)
                .refreshRequest(r -> {
                    r.roleArn(role.get()).roleSessionName(sessionName(sourceName)).durationSeconds(3600);
                    access.externalId().filter(e -> !e.isBlank()).ifPresent(r::externalId);
                })
                .build();
        resources.push(assumed);
        return assumed;
    }

    private static String sessionName(String sourceName) {
        String name = ("trailwatch-collector-" + sourceName).replaceAll("[^\\w+=,.@-]", "-");
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    /** The region of an AWS queue URL, else the SDK's region chain, else us-east-1. */
    static Region regionOf(String queueUrl) {
        if (queueUrl != null) {
            String host = URI.create(queueUrl).getHost();
            Matcher m = host == null ? null : SQS_HOST.matcher(host);
            if (m != null && m.matches()) {
                return Region.of(m.group(1));
            }
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return FALLBACK_REGION;
        }
    }

    public Region region() {
        return region;
    }

    public S3Client s3() {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(http)
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(access.pathStyle())
                // S3-compatible servers do not all accept or send the SDK's default checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (access.s3Endpoint().isPresent()) {
            builder.endpointOverride(access.s3Endpoint().get());
        } else {
            // A log-archive bucket need not be in the source's region.
            builder.crossRegionAccessEnabled(true);
        }
        S3Client client = builder.build();
        resources.push(client);
        return client;
    }

    public SqsClient sqs(Optional<URI> endpoint) {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClient(http)
                .region(region)
                .credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        SqsClient client = builder.build();
        resources.push(client);
        return client;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // Closing at shutdown: nothing left to do about a client that does not close cleanly.
            }
        }
        resources.clear();
    }
}
