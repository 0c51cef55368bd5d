package io.trailwatch.alert.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.service.RouteService;
import io.trailwatch.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/routes")
@Tag(name = "Routes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RouteResource {

    private final RouteService routes;
    private final ActingUser actingUser;
    private final RequestJson json;

    public RouteResource(RouteService routes, ActingUser actingUser,
                RequestJson json) {
        this.routes = routes;
        this.actingUser = actingUser;
        this.json = json;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List routes in evaluation order")
    public List<ObjectNode> list() {
        return routes.list();
    }

    @GET
    @Path("/{name}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get a route")
    public ObjectNode get(@PathParam("name") String name) {
        return routes.get(name);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a route", description = "{\"name\": \"critical-to-pagerduty\", \"order\": 10, "
            + "\"channels\": [\"pd\"], \"match\": {\"minSeverity\": \"high\", \"ruleIds\": [\"cis-*\"], "
            + "\"excludeAccountIds\": [\"111122223333\"]}, \"groupBy\": [\"ruleId\", \"accountId\"], "
            + "\"groupWait\": \"30s\", \"groupInterval\": \"5m\", \"repeatInterval\": \"4h\", \"continue\": false}")
    public Response create(String body) {
        ObjectNode created = routes.create(json.parse(body), actingUser.name());
        return Response.created(URI.create("/api/v1/routes/" + created.get("name").asText())).entity(created).build();
    }

    @PUT
    @Path("/{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace a route")
    public Response put(@PathParam("name") String name, String body) {
        RouteService.Saved saved = routes.put(name, json.parse(body), actingUser.name());
        return Response.status(saved.created() ? 201 : 200).entity(saved.route()).build();
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a route", description = "Its groups are dropped at their next timer.")
    public Response delete(@PathParam("name") String name) {
        routes.delete(name);
        return Response.noContent().build();
    }
}
