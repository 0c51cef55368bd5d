package io.trailwatch.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Input the platform could not use, and why. Value of {@link Topics#REJECTED}; key = source.
 *
 * @param source where it came from: {@code s3://bucket/key}, {@code http-upload:<user>}, or a topic
 * @param reason a stable machine-readable code, see {@link RejectionReason}
 * @param message what was wrong, for a human
 * @param recordIndex the record's position in its file, when one record (not the file) was rejected
 * @param eventID the record's eventID when it had one
 * @param sample the first bytes of the offending input (at most 512 characters), for diagnosis
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(
        String source,
        RejectionReason reason,
        String message,
        Integer recordIndex,
        @JsonProperty("eventID") String eventID,
        String sample,
        String rejectedBy,
        Instant rejectedAt) {

    public static final int MAX_SAMPLE_CHARS = 512;

    /** Truncates a sample to {@link #MAX_SAMPLE_CHARS}. */
    public static String sample(String text) {
        if (text == null || text.length() <= MAX_SAMPLE_CHARS) {
            return text;
        }
        return text.substring(0, MAX_SAMPLE_CHARS);
    }
}
