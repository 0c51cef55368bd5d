package io.trailwatch.contracts;

/** Kafka topic names, the single source for every service and the Helm chart's defaults. */
public final class Topics {

    /** One CloudTrail record per message, the JSON AWS wrote; key = recipientAccountId. */
    public static final String CLOUDTRAIL_EVENTS = "trailwatch.cloudtrail.events";
    /** {@link Finding}; key = accountId. */
    public static final String FINDINGS = "trailwatch.findings";
    /** {@link SeriesPoint}; key = series id. */
    public static final String METRICS = "trailwatch.metrics";
    /** {@link Rejection}; key = source. */
    public static final String REJECTED = "trailwatch.rejected";

    private Topics() {
    }
}
