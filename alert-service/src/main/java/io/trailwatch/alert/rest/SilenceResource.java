package io.trailwatch.alert.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.service.SilenceService;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/silences")
@Tag(name = "Silences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SilenceResource {

    private final SilenceService silences;
    private final ActingUser actingUser;
    private final RequestJson json;

    public SilenceResource(SilenceService silences, ActingUser actingUser,
                RequestJson json) {
        this.silences = silences;
        this.actingUser = actingUser;
        this.json = json;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List silences", description = "Newest first; 'state' = pending, active or expired.")
    public List<ObjectNode> list(@QueryParam("state") String state) {
        return silences.list(state);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get a silence")
    public ObjectNode get(@PathParam("id") String id) {
        return silences.get(uuid(id));
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Create a silence", description = "{\"matchers\": [{\"field\": \"accountId\", \"op\": \"=\", "
            + "\"value\": \"111122223333\"}, {\"field\": \"ruleId\", \"op\": \"=~\", \"value\": \"cis-.*-changes\"}], "
            + "\"startsAt\": \"2026-11-27T10:00:00Z\" (default now), \"endsAt\": \"...\" or \"duration\": \"2h\", "
            + "\"comment\": \"pentest\"}. The author is the signed-in user.")
    public Response create(String body) {
        ObjectNode created = silences.create(json.parse(body), actingUser.name());
        return Response.created(URI.create("/api/v1/silences/" + created.get("id").asText())).entity(created).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Expire a silence", description = "Ends it now; it stays listed as expired.")
    public ObjectNode expire(@PathParam("id") String id) {
        return silences.expire(uuid(id), actingUser.name());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no silence with id '" + id + "'");
        }
    }
}
