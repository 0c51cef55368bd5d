package io.trailwatch.query.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.trailwatch.contracts.Geo;
import io.trailwatch.contracts.Principal;
import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.FindingRow;
import io.trailwatch.query.repository.FindingView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A finding as the API shows it: every field of the Finding contract (as published on trailwatch.findings) plus
 * its triage state. The nested JSON parts are passed through as stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingJson(
        String findingId, String ruleId, String title, String severity, String category,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "CIS references by benchmark version") String cis,
        String accountId, String accountName, String region, Instant eventTime,
        @JsonProperty("eventID") String eventID, String eventName, String eventSource, Principal principal,
        @JsonProperty("sourceIPAddress") String sourceIPAddress, Geo geo, String userAgent, String summary,
        Instant detectedAt,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "The matched CloudTrail record") String event,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "What an outlier detector measured") String outlier,
        @Schema(enumeration = {"open", "acknowledged", "resolved", "false_positive"}) String status,
        String assignee, Instant updatedAt, String updatedBy, int commentCount,
        @Schema(description = "Increases with every status or assignee change; send it back in PATCH to refuse "
                + "overwriting someone else's change") int version,
        Instant storedAt) {

    static FindingJson of(FindingView view, QueryConfig config) {
        FindingRow f = view.finding();
        Principal principal = f.principalType() == null && f.principalArn() == null && f.principalName() == null
                ? null : new Principal(f.principalType(), f.principalArn(), f.principalName());
        Geo geo = f.country() == null && f.city() == null ? null
                : new Geo(f.country(), f.city(), f.latitude(), f.longitude());
        return new FindingJson(f.findingId(), f.ruleId(), f.title(), f.severity(), f.category(), f.cisJson(),
                f.accountId(), config.accountNames().get(f.accountId()), f.region(), f.eventTime(), f.eventId(),
                f.eventName(), f.eventSource(), principal, f.sourceIp(), geo, f.userAgent(), f.summary(),
                f.detectedAt(), f.eventJson(), f.outlierJson(), view.status(), view.assignee(), view.updatedAt(),
                view.updatedBy(), view.commentCount(), view.version(), view.storedAt());
    }
}
