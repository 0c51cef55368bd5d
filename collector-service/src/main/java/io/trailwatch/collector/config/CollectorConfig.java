package io.trailwatch.collector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.trailwatch.contracts.Topics;

@ConfigMapping(prefix = "trailwatch.collector")
public interface CollectorConfig {

    /** Topic the records go to. */
    @WithDefault(Topics.CLOUDTRAIL_EVENTS)
    String eventsTopic();

    /** Topic rejected inputs go to. */
    @WithDefault(Topics.REJECTED)
    String rejectedTopic();

    Limits limits();

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
}
