package io.trailwatch.query.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.client.Backends;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * rules-service's API for the UI, at the same paths: /api/v1/rules... and /api/v1/patterns/test, with query-service's
 * service credentials. Everyone reads rules; analysts try patterns and evaluate files; admins change rules.
 */
@Path("/api/v1")
@Tag(name = "Rules (rules-service)", description = "Forwarded to rules-service; status and body as it answers")
@RolesAllowed(Roles.VIEWER)
public class RulesProxyResource {

    private final Backends backends;
    private final SecurityIdentity identity;

    public RulesProxyResource(Backends backends, SecurityIdentity identity) {
        this.backends = backends;
        this.identity = identity;
    }

    @GET
    @Path("/rules{rest: (/.*)?}")
    @Operation(summary = "The rules: id, title, severity, enabled, CIS references, source, load errors")
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", uri, headers, null, Roles.VIEWER);
    }

    @POST
    @Path("/rules{rest: (/.*)?}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "POST to rules-service, e.g. /api/v1/rules/evaluate (a CloudTrail file in, matches out)")
    public Response post(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        boolean evaluate = uri.getPath().endsWith("/evaluate");
        return forward("POST", uri, headers, body, evaluate ? Roles.ANALYST : Roles.ADMIN);
    }

    @PUT
    @Path("/rules{rest: (/.*)?}")
    @Consumes(MediaType.WILDCARD)
    public Response put(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", uri, headers, body, Roles.ADMIN);
    }

    @DELETE
    @Path("/rules{rest: (/.*)?}")
    public Response delete(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("DELETE", uri, headers, null, Roles.ADMIN);
    }

    @POST
    @Path("/patterns/test")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Try a filter pattern against events", description = "{\"pattern\": \"...\", \"events\": "
            + "[...]} → per-event match, or 400 with the parse error")
    public Response testPattern(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("POST", uri, headers, body, Roles.ANALYST);
    }

    private Response forward(String method, UriInfo uri, HttpHeaders headers, byte[] body, String role) {
        if (!identity.hasRole(role)) {
            throw new ApiException(403, "forbidden", method + " " + uri.getPath() + " needs the " + role + " role");
        }
        return Proxy.forward(backends.rules(), method, uri, headers, body, "/api/v1", "/api/v1",
                identity.getPrincipal().getName());
    }
}
