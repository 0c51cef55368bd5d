package io.trailwatch.collector.testing;

import io.trailwatch.collector.config.CollectorConfig;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Source settings for tests that build sources directly, with the same defaults as the configuration. */
public final class SourceSettings implements CollectorConfig.SqsSource, CollectorConfig.S3Source {

    public String region = "us-east-1";
    public URI s3Endpoint;
    public boolean pathStyle = true;
    public boolean anonymous = true;
    public String roleArn;
    public String externalId;
    public URI stsEndpoint;
    public String queueUrl;
    public URI sqsEndpoint;
    public int maxObjectsInFlight = 4;
    public Duration visibilityTimeout = Duration.ofMinutes(5);
    public Duration waitTime = Duration.ofSeconds(1);
    public Duration retryDelay = Duration.ofSeconds(30);
    public int maxReceiveCount = 5;
    public String bucket;
    public String prefix;
    public LocalDate startDate;
    public Duration interval = Duration.ofSeconds(1);
    public Duration settleTime = Duration.ofMinutes(15);
    public int concurrency = 4;
    public List<String> accounts;
    public List<String> regions;

    /** A local S3/SQS-compatible server: anonymous, path-style. */
    public static SourceSettings local(String s3Endpoint) {
        SourceSettings settings = new SourceSettings();
        settings.s3Endpoint = URI.create(s3Endpoint);
        return settings;
    }

    @Override
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    @Override
    public Optional<URI> s3Endpoint() {
        return Optional.ofNullable(s3Endpoint);
    }

    @Override
    public boolean pathStyle() {
        return pathStyle;
    }

    @Override
    public boolean anonymous() {
        return anonymous;
    }

    @Override
    public Optional<String> roleArn() {
        return Optional.ofNullable(roleArn);
    }

    @Override
    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    @Override
    public Optional<URI> stsEndpoint() {
        return Optional.ofNullable(stsEndpoint);
    }

    @Override
    public String queueUrl() {
        return queueUrl;
    }

    @Override
    public Optional<URI> sqsEndpoint() {
        return Optional.ofNullable(sqsEndpoint);
    }

    @Override
    public int maxObjectsInFlight() {
        return maxObjectsInFlight;
    }

    @Override
    public Duration visibilityTimeout() {
        return visibilityTimeout;
    }

    @Override
    public Duration waitTime() {
        return waitTime;
    }

    @Override
    public Duration retryDelay() {
        return retryDelay;
    }

    @Override
    public int maxReceiveCount() {
        return maxReceiveCount;
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public Optional<String> prefix() {
        return Optional.ofNullable(prefix);
    }

    @Override
    public Optional<LocalDate> startDate() {
        return Optional.ofNullable(startDate);
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public Duration settleTime() {
        return settleTime;
    }

    @Override
    public int concurrency() {
        return concurrency;
    }

    @Override
    public Optional<List<String>> accounts() {
        return Optional.ofNullable(accounts);
    }

    @Override
    public Optional<List<String>> regions() {
        return Optional.ofNullable(regions);
    }
}
