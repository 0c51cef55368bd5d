package io.trailwatch.query.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.trailwatch.common.security.LocalUsersConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sign-in page of the form login (its form posts to Quarkus' {@code /j_security_check}) and signing out. With
 * OIDC enabled, page requests go to the provider directly; the page then also offers "Sign in with SSO".
 */
@Path("/")
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error, boolean localUsers, boolean sso, String theme);
    }

    private final SecurityIdentity identity;
    private final HttpServerRequest request;
    private final boolean localUsers;
    private final boolean oidc;
    private final String formCookie;

    public LoginPage(SecurityIdentity identity, HttpServerRequest request, LocalUsersConfig localUsers,
                     @ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean oidc,
                     @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String formCookie) {
        this.identity = identity;
        this.request = request;
        this.localUsers = localUsers.localUsersEnabled();
        this.oidc = oidc;
        this.formCookie = formCookie;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") boolean error) {
        if (!identity.isAnonymous() && !error) {
            return Response.seeOther(URI.create("/")).build();
        }
        TemplateInstance page = Templates.login(error, localUsers, oidc,
                UiContextFactory.theme(request.getCookie(UiContextFactory.THEME_COOKIE)));
        return Response.ok(page).header("Cache-Control", "no-store").build();
    }

    /** Ends a form-login session: the session cookie is cleared and the browser goes back to the sign-in page. */
    @POST
    @Path("logout")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public Response logout() {
        FormAuthenticationMechanism.logout(identity);
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder(formCookie).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }
}
