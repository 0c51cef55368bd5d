package io.trailwatch.query.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.trailwatch.common.security.LocalUsersConfig;
import io.trailwatch.query.service.ApiTokenService;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Accepts API tokens ({@code Authorization: Bearer tw_...}) and answers unauthenticated API calls. It runs before
 * the other mechanisms: a token of ours is never handed to OIDC (which would reject it as a malformed JWT), and any
 * other credential is left to HTTP Basic, the form login or OIDC. An API or {@code /q/} request without valid
 * credentials gets 401 with a JSON body; a page request is left to the form login (local mode) or the OIDC
 * authorization code flow (production) to redirect the browser to a login.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final HttpCredentialTransport TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer", "tw-token");
    private static final String UNAUTHORIZED = "{\"status\":401,\"error\":\"unauthorized\",\"message\":"
            + "\"sign in: HTTP Basic (local users), an OIDC bearer token or an API token (Authorization: Bearer tw_...)\"}";

    private final boolean localUsers;

    public ApiAuthenticationMechanism(LocalUsersConfig localUsers) {
        this.localUsers = localUsers.localUsersEnabled();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(BEARER.length()).strip();
        if (!token.startsWith(ApiTokenService.PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(new ApiTokenAuthenticationRequest(token));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!isApi(context)) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(401, WWW_AUTHENTICATE, challenge()));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!isApi(context)) {
            return Uni.createFrom().item(false);
        }
        context.response().setStatusCode(401)
                .putHeader(WWW_AUTHENTICATE, challenge())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(UNAUTHORIZED);
        return Uni.createFrom().item(true);
    }

    private String challenge() {
        return localUsers ? "Basic realm=\"Trailwatch\"" : "Bearer realm=\"Trailwatch\"";
    }

    private static boolean isApi(RoutingContext context) {
        String path = context.normalizedPath();
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/q/");
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiTokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(TRANSPORT);
    }

    @Override
    public int getPriority() {
        return 3000;
    }
}
