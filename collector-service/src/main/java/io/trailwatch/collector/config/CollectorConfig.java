package io.trailwatch.collector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.trailwatch.contracts.Topics;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the collector can be told. Every key can be set from the environment: {@code trailwatch.collector.x-y}
 * is {@code TRAILWATCH_COLLECTOR_X_Y}; a source named {@code main} is configured with
 * {@code TRAILWATCH_COLLECTOR_SOURCES_SQS_MAIN_QUEUE_URL} and so on (source names: lower-case letters and digits).
 */
@ConfigMapping(prefix = "trailwatch.collector")
public interface CollectorConfig {

    /** Topic the records go to. */
    @WithDefault(Topics.CLOUDTRAIL_EVENTS)
    String eventsTopic();

    /** Topic rejected inputs go to. */
    @WithDefault(Topics.REJECTED)
    String rejectedTopic();

    Limits limits();

    /**
     * API tokens accepted by the HTTP intake as {@code Authorization: Bearer <token>} (role ingest), besides the
     * local users. Each entry is a token of at least 16 characters, or {@code sha256:<hex>} of one, so the
     * configuration need not hold the token itself. Comma-separated in the environment.
     */
    Optional<List<String>> intakeTokens();

    Dedup dedup();

    Checkpoints checkpoints();

    Sources sources();

    /** Bounds on every input; what breaks one is rejected, never read further. */
    interface Limits {

        /** Largest compressed object or upload, in bytes. */
        @WithDefault("104857600")
        long maxObjectBytes();

        /** Largest decompressed file, in bytes. */
        @WithDefault("2147483648")
        long maxDecompressedBytes();

        /** Largest decompressed/compressed ratio once past 16 MiB decompressed (gzip bombs). */
        @WithDefault("100")
        int maxCompressionRatio();

        /** Largest single record, in bytes (CloudTrail caps its large fields at 100 KB each). */
        @WithDefault("1048576")
        int maxRecordBytes();

        /** Most records in one file. */
        @WithDefault("1000000")
        int maxRecordsPerFile();
    }

    /** The memory of recently published eventIDs, to drop duplicate deliveries before Kafka. */
    interface Dedup {

        /**
         * How many recent eventIDs are remembered at least (up to twice as many are), at 32 to 64 bytes each.
         * 0 turns the filter off.
         */
        @WithDefault("500000")
        int capacity();
    }

    /** Where S3 listing sources keep how far they got. */
    interface Checkpoints {

        /** Compacted topic of listing checkpoints; created when missing. */
        @WithDefault("trailwatch.collector.checkpoints")
        String topic();

        /** Partitions when the topic is created: the most collector replicas that can share listing work. */
        @WithDefault("12")
        int partitions();

        /** Replication factor when the topic is created; -1 takes the broker's default. */
        @WithDefault("-1")
        short replicationFactor();
    }

    /** Where CloudTrail files come from, besides the HTTP intake. Any number of each, by name. */
    interface Sources {

        /** S3 event notifications (raw, through SNS, or from EventBridge) in SQS queues. */
        Map<String, SqsSource> sqs();

        /** S3 buckets listed for CloudTrail files (backfill, small installations). */
        Map<String, S3Source> s3();
    }

    /** How a source reaches AWS or an S3/SQS-compatible server. */
    interface AwsAccess {

        /** Signing region; by default taken from the queue URL or the SDK's region chain (AWS_REGION). */
        Optional<String> region();

        /** Endpoint of an S3-compatible server instead of AWS. */
        Optional<URI> s3Endpoint();

        /** Path-style addressing ({@code http://host/bucket/key}), which most S3-compatible servers need. */
        @WithDefault("false")
        boolean pathStyle();

        /** Unsigned requests (a local S3/SQS-compatible server); otherwise the SDK's default credentials chain. */
        @WithDefault("false")
        boolean anonymous();

        /** A role to assume (cross-account bucket or queue) with the default credentials. */
        Optional<String> roleArn();

        /** External id the role's trust policy asks for. */
        Optional<String> externalId();

        /** Endpoint of an STS-compatible server instead of AWS STS. */
        Optional<URI> stsEndpoint();
    }

    /** One SQS queue receiving S3 ObjectCreated notifications for CloudTrail buckets. */
    interface SqsSource extends AwsAccess {

        String queueUrl();

        /** Endpoint of an SQS-compatible server instead of AWS. */
        Optional<URI> sqsEndpoint();

        /**
         * Notifications (normally one S3 object each) processed at once by this replica. Each waits for Kafka's
         * acknowledgement before its thread takes the next, so throughput needs more than the cores: 16 read 44%
         * more than 4 in CollectorBenchmark on two cores.
         */
        @WithDefault("16")
        int maxObjectsInFlight();

        /** Visibility of a received message; extended at half-time while its object is still being read. */
        @WithDefault("5m")
        Duration visibilityTimeout();

        /** Long-polling wait of one receive (at most 20 s). */
        @WithDefault("20s")
        Duration waitTime();

        /** When a message failed, how long until it is visible again for another try. */
        @WithDefault("30s")
        Duration retryDelay();

        /** Receives before a failing message is given up, when the queue has no redrive policy to say so. */
        @WithDefault("5")
        int maxReceiveCount();
    }

    /** One bucket listed for CloudTrail files under {@code <prefix>AWSLogs/}. */
    interface S3Source extends AwsAccess {

        String bucket();

        /** The trail's S3 key prefix, if any (what comes before {@code AWSLogs/}). */
        Optional<String> prefix();

        /** First day to read for a prefix without a checkpoint; default: yesterday (UTC). */
        Optional<LocalDate> startDate();

        /** Time between two listings of the bucket. */
        @WithDefault("5m")
        Duration interval();

        /**
         * How long after its last modification a listed object still counts as possibly not alone: objects
         * modified more recently are remembered one by one, so a file that appears later with a smaller name is
         * still read.
         */
        @WithDefault("15m")
        Duration settleTime();

        /** Prefixes (account and region) read at once by this replica. */
        @WithDefault("4")
        int concurrency();

        /** Only these accounts; default: every account found. */
        Optional<List<String>> accounts();

        /** Only these regions; default: every region found. */
        Optional<List<String>> regions();
    }
}
