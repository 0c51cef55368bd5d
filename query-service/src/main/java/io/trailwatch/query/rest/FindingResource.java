package io.trailwatch.query.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.Cursor;
import io.trailwatch.query.repository.FindingFilter;
import io.trailwatch.query.repository.FindingSearch;
import io.trailwatch.query.repository.FindingView;
import io.trailwatch.query.repository.TriageRepository;
import io.trailwatch.query.service.TriageService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/findings")
@Tag(name = "Findings", description = "Detections and their triage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class FindingResource {

    static final Set<String> SEVERITIES = Set.of("info", "low", "medium", "high", "critical");
    static final Set<String> CATEGORIES = Set.of("access", "configuration-change", "outlier", "custom");
    private static final int MAX_BULK = 500;

    /** The filters of a findings search and its export. */
    public static class Filters {
        @QueryParam("from")
        @Parameter(description = "Inclusive start of the eventTime range, ISO-8601. Without 'from' and 'to' every "
                + "finding matches, newest first.")
        String from;
        @QueryParam("to")
        @Parameter(description = "Exclusive end of the eventTime range, ISO-8601.")
        String to;
        @QueryParam("ruleId")
        @Parameter(description = "Rule ids; repeat or comma-separate.")
        List<String> ruleId;
        @QueryParam("severity")
        @Parameter(description = "info, low, medium, high, critical; repeat or comma-separate.")
        List<String> severity;
        @QueryParam("status")
        @Parameter(description = "open, acknowledged, resolved, false_positive; repeat or comma-separate.")
        List<String> status;
        @QueryParam("accountId")
        List<String> accountId;
        @QueryParam("region")
        List<String> region;
        @QueryParam("category")
        @Parameter(description = "access, configuration-change, outlier, custom.")
        List<String> category;
        @QueryParam("assignee")
        @Parameter(description = "Findings assigned to this user.")
        String assignee;
        @QueryParam("assigned")
        @Parameter(description = "true: assigned to anyone; false: unassigned.")
        String assigned;
        @QueryParam("eventID")
        @Parameter(description = "Findings raised for this event.")
        String eventID;

        FindingFilter toFilter() {
            Instant[] range = QueryParams.range(from, to);
            return new FindingFilter(range[0], range[1], QueryParams.list("ruleId", ruleId),
                    QueryParams.list("severity", severity, SEVERITIES),
                    QueryParams.list("status", status, TriageService.STATUSES),
                    QueryParams.list("accountId", accountId), QueryParams.list("region", region),
                    QueryParams.list("category", category, CATEGORIES), QueryParams.text("assignee", assignee),
                    QueryParams.bool("assigned", assigned), QueryParams.text("eventID", eventID));
        }
    }

    public record Comment(long id, String author, String text, Instant createdAt) {
    }

    public record Change(long id, String actor, Instant changedAt, String field, String from, String to) {
    }

    /** A finding with its comments and the history of its triage changes, oldest first. */
    public record FindingDetail(@JsonUnwrapped FindingJson finding, List<Comment> comments, List<Change> history) {
    }

    public record NewComment(@Schema(required = true, maxLength = TriageService.MAX_COMMENT) String text) {
    }

    public record BulkChange(@Schema(required = true, description = "Up to 500 finding ids") List<String> findingIds,
                             String status, String assignee, String comment) {
    }

    private static final List<String> CSV_HEADER = List.of("findingId", "eventTime", "detectedAt", "ruleId",
            "title", "severity", "category", "status", "assignee", "accountId", "region", "eventName", "eventSource",
            "principalType", "principalArn", "principalName", "sourceIPAddress", "country", "userAgent", "summary",
            "eventID", "commentCount", "updatedAt", "updatedBy");

    private final FindingSearch findings;
    private final TriageService triage;
    private final TriageRepository triageRepository;
    private final SecurityIdentity identity;
    private final QueryConfig config;

    public FindingResource(FindingSearch findings, TriageService triage, TriageRepository triageRepository,
                           SecurityIdentity identity, QueryConfig config) {
        this.findings = findings;
        this.triage = triage;
        this.triageRepository = triageRepository;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @Operation(summary = "Search findings", description = "Newest event first; each item is the Finding as "
            + "published plus its triage state (status, assignee, version, commentCount). Pass 'nextCursor' as "
            + "'cursor' for the next page.")
    public Page<FindingJson> list(@BeanParam Filters filters, @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") @Parameter(description = "1 to 500, default 50") Integer limit) {
        int size = QueryParams.limit(limit, config.search());
        List<FindingView> rows = findings.page(filters.toFilter(), QueryParams.cursor(cursor), size + 1,
                config.search().timeout());
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            FindingView last = rows.get(size - 1);
            next = new Cursor(last.finding().eventTime(), last.finding().findingId()).encode();
        }
        return new Page<>(rows.stream().map(v -> FindingJson.of(v, config)).toList(), next);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One finding", description = "The finding, its comments and its triage history.")
    @APIResponse(responseCode = "404", description = "No finding has this id")
    public FindingDetail get(@PathParam("id") String id) {
        FindingView view = findings.find(id)
                .orElseThrow(() -> ApiException.notFound("no finding with id '" + id + "'"));
        return new FindingDetail(FindingJson.of(view, config),
                triageRepository.comments(id).stream()
                        .map(c -> new Comment(c.id, c.author, c.body, c.createdAt)).toList(),
                triageRepository.history(id).stream()
                        .map(h -> new Change(h.id, h.actor, h.changedAt, h.field, h.fromValue, h.toValue)).toList());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Triage a finding", description = "Any of: 'status' (open, acknowledged, resolved, "
            + "false_positive), 'assignee' (a user name; null or \"\" unassigns), 'comment' (added with the change), "
            + "'version' (the version you saw: refused with 409 if the finding changed since). Every change is "
            + "recorded in the history. Returns the finding as after the change.")
    @RequestBody(content = @Content(schema = @Schema(example = "{\"status\":\"acknowledged\",\"assignee\":\"alice\","
            + "\"comment\":\"looking into it\",\"version\":0}")))
    @APIResponse(responseCode = "409", description = "The finding changed since 'version'")
    public FindingDetail patch(@PathParam("id") String id, JsonNode body) {
        triage.change(id, change(body), actor());
        return get(id);
    }

    @POST
    @Path("/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Triage many findings at once", description = "Applies the same 'status', 'assignee' "
            + "and/or 'comment' to up to 500 findings in one transaction.")
    public TriageService.BulkResult bulk(BulkChange body) {
        if (body == null || body.findingIds() == null || body.findingIds().isEmpty()) {
            throw ApiException.badRequest("'findingIds' must list at least one finding id");
        }
        if (body.findingIds().size() > MAX_BULK) {
            throw ApiException.badRequest("'findingIds' may list at most " + MAX_BULK + " findings, got "
                    + body.findingIds().size());
        }
        TriageService.Change change = new TriageService.Change(Optional.ofNullable(body.status()),
                body.assignee() == null ? Optional.empty() : Optional.of(Optional.of(body.assignee())),
                Optional.ofNullable(body.comment()), Optional.empty()).validated();
        return triage.changeAll(body.findingIds(), change, actor());
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Comment on a finding")
    @APIResponse(responseCode = "201", description = "The comment as stored")
    public Response comment(@PathParam("id") String id, NewComment body) {
        var comment = triage.comment(id, body == null ? null : body.text(), actor());
        return Response.status(201)
                .entity(new Comment(comment.id, comment.author, comment.body, comment.createdAt)).build();
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @Operation(summary = "Export findings as CSV", description = "The same filters as the search; streamed, newest "
            + "first, at most trailwatch.query.export.max-rows rows. Cells a spreadsheet would read as a formula "
            + "are prefixed with an apostrophe.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
    public Response export(@BeanParam Filters filters) {
        FindingFilter filter = filters.toFilter();
        int max = config.export().maxRows();
        StreamingOutput body = output -> {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            Csv.row(out, CSV_HEADER);
            findings.stream(filter, max, v -> {
                var f = v.finding();
                Csv.row(out, Arrays.asList(f.findingId(), f.eventTime(), f.detectedAt(), f.ruleId(), f.title(),
                        f.severity(), f.category(), v.status(), v.assignee(), f.accountId(), f.region(),
                        f.eventName(), f.eventSource(), f.principalType(), f.principalArn(), f.principalName(),
                        f.sourceIp(), f.country(), f.userAgent(), f.summary(), f.eventId(), v.commentCount(),
                        v.updatedAt(), v.updatedBy()));
            });
            out.flush();
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"findings-" + Instant.now().getEpochSecond()
                        + ".csv\"")
                .header("X-Trailwatch-Row-Limit", max)
                .build();
    }

    /** Reads a PATCH body, telling an absent field (unchanged) from a null one (cleared). */
    private static TriageService.Change change(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object with 'status', 'assignee' and/or "
                    + "'comment'");
        }
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!Set.of("status", "assignee", "comment", "version").contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("unknown field(s) " + unknown + ": expected status, assignee, comment, "
                    + "version");
        }
        return new TriageService.Change(
                optionalText(body, "status"),
                body.has("assignee") ? Optional.of(body.get("assignee").isNull() ? Optional.empty()
                        : Optional.of(textOf(body, "assignee"))) : Optional.empty(),
                optionalText(body, "comment"),
                body.has("version") ? Optional.of(versionOf(body)) : Optional.empty()).validated();
    }

    private static Optional<String> optionalText(JsonNode body, String field) {
        return body.has(field) && !body.get(field).isNull() ? Optional.of(textOf(body, field)) : Optional.empty();
    }

    private static String textOf(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (!value.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a string");
        }
        return value.textValue();
    }

    private static int versionOf(JsonNode body) {
        JsonNode value = body.get("version");
        if (!value.isInt()) {
            throw ApiException.badRequest("'version' must be an integer");
        }
        return value.intValue();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
