package io.trailwatch.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why input was rejected. Stable codes: metrics are tagged with them and the UI groups by them. */
public enum RejectionReason {
    /** Not gzip although it claimed to be, or a corrupt gzip stream. */
    BAD_GZIP("bad-gzip"),
    /** Not JSON, or JSON that ends early. */
    NOT_JSON("not-json"),
    /** JSON, but not a CloudTrail log file: no top-level {@code Records} array. */
    NOT_CLOUDTRAIL("not-cloudtrail"),
    /** A record without one of the fields every CloudTrail record has (eventID, eventTime). */
    MISSING_FIELD("missing-field"),
    /** A record that is not a JSON object. */
    BAD_RECORD("bad-record"),
    /** Compressed object larger than allowed. */
    OBJECT_TOO_LARGE("object-too-large"),
    /** Decompressed size or compression ratio beyond the limit (gzip bomb). */
    DECOMPRESSED_TOO_LARGE("decompressed-too-large"),
    /** One record larger than allowed. */
    RECORD_TOO_LARGE("record-too-large"),
    /** More records in one file than allowed. */
    TOO_MANY_RECORDS("too-many-records"),
    /** A notification or message that kept failing and was given up. */
    POISON_MESSAGE("poison-message"),
    /** Could not read the object (missing, access denied). */
    UNREADABLE("unreadable");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static RejectionReason fromCode(String code) {
        for (RejectionReason r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rejection reason '" + code + "'");
    }
}
