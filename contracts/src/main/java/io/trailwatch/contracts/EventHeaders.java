package io.trailwatch.contracts;

/** Headers the collector puts on every message of {@link Topics#CLOUDTRAIL_EVENTS}. */
public final class EventHeaders {

    /** Where the record came from: {@code s3://bucket/key} or {@code http-upload:<user>}. UTF-8. */
    public static final String SOURCE = "trailwatch-source";
    /** When the collector read the record, ISO-8601 UTC. UTF-8. */
    public static final String INGEST_TIME = "trailwatch-ingest-time";
    /** {@code cloudtrail} for API activity, {@code cloudtrail-insight} for Insights records. UTF-8. */
    public static final String RECORD_TYPE = "trailwatch-record-type";

    public static final String RECORD_TYPE_CLOUDTRAIL = "cloudtrail";
    public static final String RECORD_TYPE_INSIGHT = "cloudtrail-insight";

    private EventHeaders() {
    }
}
