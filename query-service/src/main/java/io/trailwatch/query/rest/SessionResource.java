package io.trailwatch.query.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.trailwatch.common.security.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who is signed in (so the UI shows only what the role may use), and signing out of a form-login session. */
@Path("/api/v1/session")
@Tag(name = "Session")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SessionResource {

    /**
     * @param roles the platform roles held, the included ones too (an admin is also analyst and viewer)
     * @param authenticatedBy {@code local} (built-in users), {@code oidc} or {@code token} (API token)
     */
    public record Me(String name, List<String> roles, String authenticatedBy, boolean canTriage, boolean canAdmin) {
    }

    private final SecurityIdentity identity;
    private final String formCookie;

    public SessionResource(SecurityIdentity identity,
                           @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String formCookie) {
        this.identity = identity;
        this.formCookie = formCookie;
    }

    @GET
    @Operation(summary = "The signed-in user and their roles")
    public Me me() {
        String name = identity.getPrincipal().getName();
        String by = name.startsWith("token:") ? "token"
                : identity.getPrincipal() instanceof JsonWebToken ? "oidc" : "local";
        List<String> roles = List.of(Roles.VIEWER, Roles.ANALYST, Roles.ADMIN).stream()
                .filter(identity::hasRole).toList();
        return new Me(name, roles, by, identity.hasRole(Roles.ANALYST), identity.hasRole(Roles.ADMIN));
    }

    @DELETE
    @Operation(summary = "Sign out of a form-login session", description = "Clears the session cookie of the "
            + "local users' form login. (OIDC sessions end at quarkus.oidc.logout.path when configured.)")
    public Response logout() {
        FormAuthenticationMechanism.logout(identity);
        return Response.noContent()
                .cookie(new NewCookie.Builder(formCookie).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }
}
