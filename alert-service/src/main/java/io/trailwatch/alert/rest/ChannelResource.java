package io.trailwatch.alert.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.service.ChannelDirectory;
import io.trailwatch.alert.service.ChannelService;
import io.trailwatch.alert.service.ChannelTester;
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

@Path("/api/v1/channels")
@Tag(name = "Channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChannelResource {

    private final ChannelService channels;
    private final ChannelTester tester;
    private final ChannelDirectory directory;
    private final ActingUser actingUser;
    private final RequestJson json;

    public ChannelResource(ChannelService channels, ChannelTester tester, ChannelDirectory directory,
                           ActingUser actingUser,
                RequestJson json) {
        this.channels = channels;
        this.tester = tester;
        this.directory = directory;
        this.actingUser = actingUser;
        this.json = json;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List channels", description = "Settings as configured; secrets only as "
            + "{\"set\": true, \"source\": \"encrypted\"|\"environment\"}, never their values.")
    public List<ObjectNode> list() {
        return channels.list();
    }

    @GET
    @Path("/{name}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get a channel")
    public ObjectNode get(@PathParam("name") String name) {
        return channels.get(name);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a channel", description = "{\"name\": \"soc-slack\", \"type\": \"slack\", "
            + "\"webhookUrl\": \"https://hooks.slack.com/services/...\"}. Settings per type: GET /api/v1/channel-types. "
            + "A secret is a string (stored encrypted) or {\"fromEnv\": \"TRAILWATCH_SECRET_...\"}.")
    public Response create(String body) {
        ObjectNode created = channels.create(json.parse(body), user());
        directory.refresh();
        return Response.created(URI.create("/api/v1/channels/" + created.get("name").asText())).entity(created).build();
    }

    @PUT
    @Path("/{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace a channel", description = "Secrets left out keep their stored value; "
            + "null removes an optional secret.")
    public Response put(@PathParam("name") String name, String body) {
        ChannelService.Saved saved = channels.put(name, json.parse(body), user());
        directory.refresh();
        return Response.status(saved.created() ? 201 : 200).entity(saved.channel()).build();
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a channel", description = "Refused (409) while a route uses it. Its undelivered "
            + "notifications are marked failed.")
    public Response delete(@PathParam("name") String name) {
        channels.delete(name);
        directory.refresh();
        return Response.noContent().build();
    }

    @POST
    @Path("/{name}/test")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Send a test notification", description = "Sends one made-up info finding now and reports "
            + "{delivered, responseCode, error, durationMs, deliveryId}.")
    public ObjectNode test(@PathParam("name") String name) {
        return tester.test(name);
    }

    private String user() {
        return actingUser.name();
    }
}
