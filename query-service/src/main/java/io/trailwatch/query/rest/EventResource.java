package io.trailwatch.query.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.Cursor;
import io.trailwatch.query.repository.EventFilter;
import io.trailwatch.query.repository.EventRow;
import io.trailwatch.query.repository.EventSearch;
import io.trailwatch.query.repository.FindingFilter;
import io.trailwatch.query.repository.FindingSearch;
import io.trailwatch.query.repository.FindingView;
import io.trailwatch.query.repository.UserAgents;
import io.trailwatch.query.service.EventSearchTerms;
import io.trailwatch.query.service.EventSearchTerms.Source;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/events")
@Tag(name = "Events", description = "CloudTrail records as AWS wrote them, searchable by the fields analysts filter on")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class EventResource {

    /** The filters of an event search and its export. */
    public static class Filters {
        @QueryParam("from")
        @Parameter(description = "Inclusive start of the eventTime range, ISO-8601 (e.g. 2026-11-27T10:00:00Z). "
                + "Without 'from' and 'to' every stored event matches, newest first.")
        String from;
        @QueryParam("to")
        @Parameter(description = "Exclusive end of the eventTime range, ISO-8601.")
        String to;
        @QueryParam("accountId")
        @Parameter(description = "Account ids (recipientAccountId); repeat or comma-separate for several.")
        List<String> accountId;
        @QueryParam("region")
        @Parameter(description = "awsRegion values; repeat or comma-separate.")
        List<String> region;
        @QueryParam("eventSource")
        @Parameter(description = "eventSource values, e.g. iam.amazonaws.com; '*' at either end is a wildcard.")
        List<String> eventSource;
        @QueryParam("eventName")
        @Parameter(description = "eventName values, e.g. ConsoleLogin; '*' at either end is a wildcard.")
        List<String> eventName;
        @QueryParam("principal")
        @Parameter(description = "A principal ARN (starts with arn:) or a user/role name; a trailing '*' matches a "
                + "prefix, e.g. arn:aws:sts::111122223333:assumed-role/ci-deployer/*")
        String principal;
        @QueryParam("sourceIPAddress")
        @Parameter(description = "An IP address, an address block (203.0.113.0/24, 2001:db8::/32) or a service host "
                + "name such as ec2.amazonaws.com.")
        String sourceIPAddress;
        @QueryParam("errorCode")
        @Parameter(description = "errorCode values; '*' at either end is a wildcard (AccessDenied*), '*' alone "
                + "means any error.")
        List<String> errorCode;
        @QueryParam("readOnly")
        @Parameter(description = "true or false.")
        String readOnly;
        @QueryParam("userAgent")
        @Parameter(description = "Text found anywhere in the userAgent, case-insensitively.")
        String userAgent;
        @QueryParam("ruleId")
        @Parameter(description = "Only events that one of these rules matched (click-through from a panel).")
        List<String> ruleId;

        EventFilter toFilter(UserAgents agents) {
            Instant[] range = QueryParams.range(from, to);
            Source source = Source.parse(QueryParams.text("sourceIPAddress", sourceIPAddress));
            return new EventFilter(range[0], range[1], QueryParams.list("accountId", accountId),
                    QueryParams.list("region", region), QueryParams.list("eventSource", eventSource),
                    QueryParams.list("eventName", eventName), QueryParams.text("principal", principal),
                    source.address(), source.network(), source.host(), QueryParams.list("errorCode", errorCode),
                    QueryParams.bool("readOnly", readOnly),
                    EventSearchTerms.userAgentIds(agents, QueryParams.text("userAgent", userAgent)),
                    QueryParams.list("ruleId", ruleId));
        }
    }

    /** An event in a list: the fields analysts filter on and look at first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventSummary(@JsonProperty("eventID") String eventID, Instant eventTime, String accountId,
                               String accountName, String region, String eventSource, String eventName,
                               String eventType, String principalType, String principalArn, String principalName,
                               String principalAccountId, String accessKeyId,
                               @JsonProperty("sourceIPAddress") String sourceIPAddress, String userAgent,
                               String errorCode, String errorMessage, Boolean readOnly, String consoleLogin,
                               String mfaUsed) {

        static EventSummary of(EventRow e, QueryConfig config) {
            return new EventSummary(e.eventId(), e.eventTime(), e.accountId(),
                    config.accountNames().get(e.accountId()), e.region(), e.eventSource(), e.eventName(),
                    e.eventType(), e.principalType(), e.principalArn(), e.principalName(), e.principalAccountId(),
                    e.accessKeyId(), e.sourceIp(), e.userAgent(), e.errorCode(), e.errorMessage(), e.readOnly(),
                    e.consoleLogin(), e.mfaUsed());
        }
    }

    /** A finding raised for an event. */
    public record EventFinding(String findingId, String ruleId, String title, String severity, String status) {
    }

    /** One event: its summary, the record as AWS wrote it, and the findings it raised. */
    public record EventDetail(@com.fasterxml.jackson.annotation.JsonUnwrapped EventSummary event,
                              @JsonRawValue @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                                      description = "The CloudTrail record as AWS wrote it") String record,
                              List<EventFinding> findings) {
    }

    private static final List<String> CSV_HEADER = List.of("eventTime", "eventID", "accountId", "region",
            "eventSource", "eventName", "eventType", "principalType", "principalArn", "principalName",
            "principalAccountId", "accessKeyId", "sourceIPAddress", "userAgent", "errorCode", "errorMessage",
            "readOnly", "consoleLogin", "mfaUsed");

    private final EventSearch events;
    private final FindingSearch findings;
    private final UserAgents userAgents;
    private final QueryConfig config;

    public EventResource(EventSearch events, FindingSearch findings, UserAgents userAgents, QueryConfig config) {
        this.events = events;
        this.findings = findings;
        this.userAgents = userAgents;
        this.config = config;
    }

    @GET
    @Operation(summary = "Search events", description = "Newest first. Pass 'nextCursor' of a page as 'cursor' to "
            + "get the next page; it is null on the last one. Text filters match exactly (case-sensitive) unless "
            + "they use '*'.")
    public Page<EventSummary> list(@BeanParam Filters filters,
                                   @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page")
                                   String cursor,
                                   @QueryParam("limit") @Parameter(description = "Page size, 1 to the maximum "
                                           + "(default 50, maximum 500)") Integer limit) {
        int size = QueryParams.limit(limit, config.search());
        List<EventRow> rows = events.page(filters.toFilter(userAgents), QueryParams.cursor(cursor), size + 1,
                config.search().timeout());
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            EventRow last = rows.get(size - 1);
            next = new Cursor(last.eventTime(), last.eventId()).encode();
        }
        return new Page<>(rows.stream().map(e -> EventSummary.of(e, config)).toList(), next);
    }

    @GET
    @Path("/{eventID}")
    @Operation(summary = "One event", description = "The summary fields, the full record as AWS wrote it, and the "
            + "findings it raised.")
    @APIResponse(responseCode = "404", description = "No stored event has this eventID (or it is past retention)")
    public EventDetail get(@PathParam("eventID") String eventId) {
        EventRow row = events.find(eventId)
                .orElseThrow(() -> ApiException.notFound("no stored event with eventID '" + eventId + "'"));
        List<FindingView> views = findings.page(new FindingFilter(null, null, null, null, null, null, null, null,
                null, null, eventId), null, 100, config.search().timeout());
        return new EventDetail(EventSummary.of(row, config), row.record(), views.stream()
                .map(v -> new EventFinding(v.finding().findingId(), v.finding().ruleId(), v.finding().title(),
                        v.finding().severity(), v.status()))
                .toList());
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @Operation(summary = "Export events as CSV", description = "The same filters as the search; streamed, newest "
            + "first, at most trailwatch.query.export.max-rows rows (header X-Trailwatch-Row-Limit). Cells that a "
            + "spreadsheet would read as a formula are prefixed with an apostrophe.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
    public Response export(@BeanParam Filters filters) {
        EventFilter filter = filters.toFilter(userAgents);
        int max = config.export().maxRows();
        StreamingOutput body = output -> {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            Csv.row(out, CSV_HEADER);
            events.stream(filter, max, e -> Csv.row(out, Arrays.asList(e.eventTime(), e.eventId(), e.accountId(),
                    e.region(), e.eventSource(), e.eventName(), e.eventType(), e.principalType(), e.principalArn(),
                    e.principalName(), e.principalAccountId(), e.accessKeyId(), e.sourceIp(), e.userAgent(),
                    e.errorCode(), e.errorMessage(), e.readOnly(), e.consoleLogin(), e.mfaUsed())));
            out.flush();
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"events-" + Instant.now().getEpochSecond()
                        + ".csv\"")
                .header("X-Trailwatch-Row-Limit", max)
                .build();
    }
}
