package io.trailwatch.collector.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.trailwatch.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/** Signs in an API token as a machine with the ingest role only. */
@ApplicationScoped
public class IntakeTokenIdentityProvider implements IdentityProvider<IntakeTokenRequest> {

    private final IntakeTokens tokens;

    public IntakeTokenIdentityProvider(IntakeTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<IntakeTokenRequest> getRequestType() {
        return IntakeTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(IntakeTokenRequest request, AuthenticationRequestContext context) {
        String label = tokens.match(request.token())
                .orElseThrow(() -> new AuthenticationFailedException("unknown API token"));
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(label))
                .addRoles(Roles.expand(Roles.INGEST))
                .build());
    }
}
