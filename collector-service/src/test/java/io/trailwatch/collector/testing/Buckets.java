package io.trailwatch.collector.testing;

import io.trailwatch.infra.testing.SharedInfra;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Writes objects into the shared S3-compatible test server, as CloudTrail would. */
public final class Buckets {

    private static final S3Client S3 = S3Client.builder()
            .endpointOverride(URI.create(SharedInfra.s3().endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .forcePathStyle(true)
            .httpClient(UrlConnectionHttpClient.create())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .build();

    private Buckets() {
    }

    /** A new, empty bucket. */
    public static String create(String prefix) {
        String bucket = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        S3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** Creates {@code bucket}. */
    public static void createNamed(String bucket) {
        S3.createBucket(b -> b.bucket(bucket));
    }

    public static void put(String bucket, String key, byte[] content) {
        S3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json").contentEncoding("gzip"),
                RequestBody.fromBytes(content));
    }

    public static void put(String bucket, String key, java.nio.file.Path file) {
        S3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
    }

    public static long size(String bucket, String key) {
        return S3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
    }
}
