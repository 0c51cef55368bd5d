package io.trailwatch.collector.service;

/**
 * What an S3 object is, from its key. CloudTrail writes API activity under {@code CloudTrail/}, Insights under
 * {@code CloudTrail-Insight/} and hourly integrity digests under {@code CloudTrail-Digest/}; buckets under
 * {@code AWSLogs/} often also hold other services' logs (Config, ELB, VPC flow logs).
 */
public enum ObjectKind {
    /** A log file of API activity: read. */
    CLOUDTRAIL,
    /** An Insights file: read, its records published as {@code cloudtrail-insight}. */
    INSIGHT,
    /** A digest file: skipped (counted), it holds no events. */
    DIGEST,
    /** Another service's log under {@code AWSLogs/}: skipped (counted). */
    OTHER_SERVICE;

    /** Classifies a key; a key outside the {@code AWSLogs/} layout (a manual upload) is read as a log file. */
    public static ObjectKind of(String key) {
        String k = "/" + key;
        if (k.contains("/CloudTrail-Digest/")) {
            return DIGEST;
        }
        if (k.contains("/CloudTrail-Insight/")) {
            return INSIGHT;
        }
        if (k.contains("/CloudTrail/")) {
            return CLOUDTRAIL;
        }
        return k.contains("/AWSLogs/") ? OTHER_SERVICE : CLOUDTRAIL;
    }

    /** The metric tag of a skipped kind. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
