package io.trailwatch.query.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trailwatch.common.security.Roles;
import io.trailwatch.contracts.RejectionReason;
import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.Cursor;
import io.trailwatch.query.repository.RejectionSearch;
import io.trailwatch.query.repository.RejectionSearch.RejectionRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rejections")
@Tag(name = "Rejections", description = "Input the platform could not use, and why (trailwatch.rejected)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class RejectionResource {

    private static final Set<String> REASONS = Arrays.stream(RejectionReason.values()).map(RejectionReason::code)
            .collect(Collectors.toSet());

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rejection(String id, String source, String reason, String message, Integer recordIndex,
                            @JsonProperty("eventID") String eventID, String sample, String rejectedBy,
                            Instant rejectedAt, Instant receivedAt) {
    }

    private final RejectionSearch rejections;
    private final QueryConfig config;

    public RejectionResource(RejectionSearch rejections, QueryConfig config) {
        this.rejections = rejections;
        this.config = config;
    }

    @GET
    @Operation(summary = "Rejected inputs", description = "Newest first (by rejectedAt); kept as long as events.")
    public Page<Rejection> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("reason") @Parameter(description = "Reason codes, e.g. not-json, "
                                        + "bad-gzip, missing-field") List<String> reason,
                                @QueryParam("source") @Parameter(description = "A source (s3://bucket/key, "
                                        + "http-upload:user); a trailing '*' matches a prefix") String source,
                                @QueryParam("rejectedBy") @Parameter(description = "The rejecting service")
                                List<String> rejectedBy,
                                @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int size = QueryParams.limit(limit, config.search());
        Instant[] range = QueryParams.range(from, to);
        List<RejectionRow> rows = rejections.page(new RejectionSearch.Filter(range[0], range[1],
                        QueryParams.list("reason", reason, REASONS), QueryParams.text("source", source),
                        QueryParams.list("rejectedBy", rejectedBy)), QueryParams.cursor(cursor), size + 1,
                config.search().timeout());
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            RejectionRow last = rows.get(size - 1);
            next = new Cursor(last.rejectedAt(), last.id()).encode();
        }
        return new Page<>(rows.stream().map(r -> new Rejection(r.id(), r.source(), r.reason(), r.message(),
                r.recordIndex(), r.eventId(), r.sample(), r.rejectedBy(), r.rejectedAt(), r.receivedAt())).toList(),
                next);
    }
}
