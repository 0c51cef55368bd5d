package io.trailwatch.query.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.client.Backends;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * alert-service's API for the UI: /api/v1/alerts/{channels,routes,silences,deliveries}/... is forwarded to
 * alert-service's /api/v1/{channels,routes,silences,deliveries}/... with query-service's service credentials. Since
 * those credentials are an admin's, the roles are enforced here: everyone reads; analysts change silences (and act
 * on deliveries); admins change channels and routes.
 */
@Path("/api/v1/alerts")
@Tag(name = "Alerts (alert-service)", description = "Forwarded to alert-service; status and body as it answers")
@RolesAllowed(Roles.VIEWER)
public class AlertProxyResource {

    private static final String PREFIX = "/api/v1/alerts";
    /** Which role may change each forwarded resource. */
    private static final Map<String, String> WRITE_ROLE = Map.of(
            "channels", Roles.ADMIN,
            "routes", Roles.ADMIN,
            "silences", Roles.ANALYST,
            "deliveries", Roles.ANALYST);

    private final Backends backends;
    private final SecurityIdentity identity;

    public AlertProxyResource(Backends backends, SecurityIdentity identity) {
        this.backends = backends;
        this.identity = identity;
    }

    @GET
    @Path("/{resource}{rest: (/.*)?}")
    @Operation(summary = "Read channels, routes, silences or deliveries", description = "e.g. GET "
            + "/api/v1/alerts/deliveries?status=failed is alert-service's GET /api/v1/deliveries?status=failed")
    public Response get(@PathParam("resource") String resource, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", resource, uri, headers, null);
    }

    @POST
    @Path("/{resource}{rest: (/.*)?}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Create (or act on) a channel, route, silence or delivery")
    public Response post(@PathParam("resource") String resource, @Context UriInfo uri, @Context HttpHeaders headers,
                         byte[] body) {
        return forward("POST", resource, uri, headers, body);
    }

    @PUT
    @Path("/{resource}{rest: (/.*)?}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Replace a channel, route or silence")
    public Response put(@PathParam("resource") String resource, @Context UriInfo uri, @Context HttpHeaders headers,
                        byte[] body) {
        return forward("PUT", resource, uri, headers, body);
    }

    @PATCH
    @Path("/{resource}{rest: (/.*)?}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Change a channel, route or silence")
    public Response patch(@PathParam("resource") String resource, @Context UriInfo uri, @Context HttpHeaders headers,
                          byte[] body) {
        return forward("PATCH", resource, uri, headers, body);
    }

    @DELETE
    @Path("/{resource}{rest: (/.*)?}")
    @Operation(summary = "Delete a channel, route or silence")
    public Response delete(@PathParam("resource") String resource, @Context UriInfo uri,
                           @Context HttpHeaders headers) {
        return forward("DELETE", resource, uri, headers, null);
    }

    private Response forward(String method, String resource, UriInfo uri, HttpHeaders headers, byte[] body) {
        String writeRole = WRITE_ROLE.get(resource);
        if (writeRole == null) {
            throw ApiException.notFound("no alert resource '" + resource + "': expected channels, routes, silences "
                    + "or deliveries");
        }
        if (!method.equals("GET") && !identity.hasRole(writeRole)) {
            throw new ApiException(403, "forbidden", "changing " + resource + " needs the " + writeRole + " role");
        }
        return Proxy.forward(backends.alerts(), method, uri, headers, body, PREFIX, "/api/v1",
                identity.getPrincipal().getName());
    }
}
