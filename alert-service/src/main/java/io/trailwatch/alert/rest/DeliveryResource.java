package io.trailwatch.alert.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.repository.DeliveryRepository;
import io.trailwatch.alert.service.DeliveryLog;
import io.trailwatch.alert.service.DeliveryPump;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/deliveries")
@Tag(name = "Deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final DeliveryLog log;
    private final DeliveryPump pump;

    public DeliveryResource(DeliveryLog log, DeliveryPump pump) {
        this.log = log;
        this.pump = pump;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Search the delivery log", description = "Newest first: every notification per channel with "
            + "status (pending, retrying, delivered, failed, silenced), kind (firing, resolved, test), attempts, last "
            + "error, receiver response code, finding ids and timestamps. 'from' inclusive, 'to' exclusive (createdAt).")
    public DeliveryLog.Page list(@QueryParam("channel") String channel, @QueryParam("route") String route,
                                 @QueryParam("status") String status, @QueryParam("kind") String kind,
                                 @QueryParam("findingId") String findingId, @QueryParam("groupKey") String groupKey,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return log.page(new DeliveryRepository.Filter(blank(channel), blank(route), blank(status), blank(kind),
                blank(findingId), blank(groupKey), instant("from", from), instant("to", to)), cursor, limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get a delivery with every attempt", description = "Adds attemptLog: attempt, startedAt, "
            + "durationMs, outcome, responseCode, error.")
    public ObjectNode get(@PathParam("id") long id) {
        return log.get(id);
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retry a failed delivery", description = "Queues it again with a fresh attempt budget.")
    public ObjectNode retry(@PathParam("id") long id) {
        ObjectNode view = log.retry(id);
        pump.wake();
        return view;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be an ISO-8601 UTC time such as 2026-11-27T10:00:00Z, "
                    + "got '" + value + "'");
        }
    }

    private static int limit(Integer value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw ApiException.badRequest("'limit' must be between 1 and " + MAX_LIMIT + ", got " + value);
        }
        return value;
    }
}
