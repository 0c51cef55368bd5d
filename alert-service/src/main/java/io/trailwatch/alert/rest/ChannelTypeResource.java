package io.trailwatch.alert.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.trailwatch.alert.service.ChannelService;
import io.trailwatch.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/channel-types")
@Tag(name = "Channels")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelTypeResource {

    private final ChannelService channels;

    public ChannelTypeResource(ChannelService channels) {
        this.channels = channels;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Channel types and their settings", description = "For each type: its settings with kind, "
            + "required, secret, default and description; what a form in the UI needs.")
    public ArrayNode types() {
        return channels.types();
    }
}
