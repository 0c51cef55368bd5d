package io.trailwatch.query.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.service.ApiTokenService;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks API tokens against the database (on a worker thread: it is a blocking lookup). */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenAuthenticationRequest> {

    /** The identity attribute naming the token's display name. */
    public static final String TOKEN_NAME = "trailwatch.token-name";

    private final ApiTokenService tokens;

    public ApiTokenIdentityProvider(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<ApiTokenAuthenticationRequest> getRequestType() {
        return ApiTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            ApiTokenService.Holder holder = tokens.authenticate(request.token())
                    .orElseThrow(() -> new AuthenticationFailedException("unknown, expired or revoked API token"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("token:" + holder.tokenId()))
                    .addRoles(Roles.expand(holder.role()))
                    .addAttribute(TOKEN_NAME, holder.name())
                    .build();
        });
    }
}
