package io.trailwatch.query.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.repository.Cursor;
import io.trailwatch.query.repository.EventEntity;
import io.trailwatch.query.repository.EventRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/events")
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class EventResource {

    /** An event in a list: the columns analysts filter on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventSummary(@JsonProperty("eventID") String eventID, Instant eventTime, String accountId,
                               String region, String eventSource, String eventName, String principalType,
                               String principalArn, String principalName,
                               @JsonProperty("sourceIPAddress") String sourceIPAddress, String userAgent,
                               String errorCode, Boolean readOnly) {

        static EventSummary of(EventEntity e) {
            return new EventSummary(e.eventId, e.eventTime, e.accountId, e.region, e.eventSource, e.eventName,
                    e.principalType, e.principalArn, e.principalName, e.sourceIp, e.userAgent, e.errorCode,
                    e.readOnly);
        }
    }

    private final EventRepository events;

    public EventResource(EventRepository events) {
        this.events = events;
    }

    @GET
    @Operation(summary = "Search events", description = "Newest first. Times are ISO-8601 UTC; 'from' is inclusive, "
            + "'to' exclusive. Pass 'nextCursor' of a page as 'cursor' to get the next one.")
    public Page<EventSummary> list(@QueryParam("accountId") String accountId,
                                   @QueryParam("eventName") String eventName,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int size = QueryParams.limit(limit);
        List<EventEntity> rows = events.page(new EventRepository.Filter(accountId, eventName,
                QueryParams.instant("from", from), QueryParams.instant("to", to)), QueryParams.cursor(cursor), size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            EventEntity last = rows.get(size - 1);
            next = new Cursor(last.eventTime, last.eventId).encode();
        }
        return new Page<>(rows.stream().map(EventSummary::of).toList(), next);
    }
}
