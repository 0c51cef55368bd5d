package io.trailwatch.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * A detection: one rule matching one CloudTrail record, or one detector flagging one time slice.
 * Value of {@link Topics#FINDINGS}. {@code findingId} is deterministic (see {@link FindingIds}), so
 * a re-processed record or slice yields the same id and consumers can write idempotently.
 *
 * @param cis CIS benchmark references keyed by benchmark version, e.g. {@code "v1.4.0" -> "4.3"}
 * @param event the matched CloudTrail record as AWS wrote it; null for outlier findings
 * @param outlier what an outlier detector measured; null for rule findings
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String findingId,
        String ruleId,
        String title,
        Severity severity,
        Category category,
        Map<String, String> cis,
        String accountId,
        String region,
        Instant eventTime,
        @JsonProperty("eventID") String eventID,
        String eventName,
        String eventSource,
        Principal principal,
        @JsonProperty("sourceIPAddress") String sourceIPAddress,
        Geo geo,
        String userAgent,
        String summary,
        Instant detectedAt,
        JsonNode event,
        OutlierDetails outlier) {
}
