package io.trailwatch.simulator.sink;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the S3 sink writes.
 *
 * @param endpoint        S3-compatible endpoint, or null for AWS itself
 * @param region          signing region (and {@code awsRegion} of notifications)
 * @param pathStyle       {@code http://host/bucket/key} addressing, needed by most S3-compatible servers
 * @param accessKeyId     static credentials, or null (with a null secret) for anonymous requests
 * @param queueUrl        SQS queue that receives an S3 event notification per object, or null for none
 * @param sqsEndpoint     SQS endpoint; null derives it from the queue URL's scheme, host and port
 */
public record S3SinkConfig(URI endpoint, String region, String bucket, boolean pathStyle, String accessKeyId,
                           String secretAccessKey, String queueUrl, URI sqsEndpoint, Duration timeout) {

    public S3SinkConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(timeout, "timeout");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("an S3 bucket name is required");
        }
        if (endpoint != null) {
            requireHttp(endpoint, "S3 endpoint");
        }
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new IllegalArgumentException("S3 credentials need both an access key id and a secret access key, "
                    + "or neither for anonymous requests");
        }
        if (queueUrl != null) {
            requireHttp(URI.create(queueUrl), "SQS queue URL");
        }
        if (sqsEndpoint != null) {
            requireHttp(sqsEndpoint, "SQS endpoint");
        }
    }

    /**
     * The local stack: anonymous, path-style, us-east-1, e.g. {@code http://127.0.0.1:9000}, bucket
     * {@code trailwatch-cloudtrail} and the queue URL of the SQS-compatible server.
     */
    public static S3SinkConfig local(URI endpoint, String bucket, String queueUrl) {
        return new S3SinkConfig(endpoint, "us-east-1", bucket, true, null, null, queueUrl, null,
                Duration.ofSeconds(30));
    }

    public S3SinkConfig withCredentials(String accessKey, String secretKey) {
        return new S3SinkConfig(endpoint, region, bucket, pathStyle, accessKey, secretKey, queueUrl, sqsEndpoint,
                timeout);
    }

    public S3SinkConfig withRegion(String signingRegion) {
        return new S3SinkConfig(endpoint, signingRegion, bucket, pathStyle, accessKeyId, secretAccessKey, queueUrl,
                sqsEndpoint, timeout);
    }

    public S3SinkConfig withSqsEndpoint(URI uri) {
        return new S3SinkConfig(endpoint, region, bucket, pathStyle, accessKeyId, secretAccessKey, queueUrl, uri,
                timeout);
    }

    public boolean anonymous() {
        return accessKeyId == null;
    }

    private static void requireHttp(URI uri, String what) {
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new IllegalArgumentException(what + " '" + uri + "' is not an http(s) URL with a host");
        }
    }
}
