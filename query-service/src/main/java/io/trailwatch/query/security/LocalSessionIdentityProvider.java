package io.trailwatch.query.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.trailwatch.common.security.LocalUsersConfig;
import io.trailwatch.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Restores a local user from the form login's session cookie (encrypted and signed by Quarkus, so it is trusted):
 * the user signed in with a password earlier; their roles follow from the name, as for HTTP Basic. Nobody is
 * restored once local users are turned off.
 */
@ApplicationScoped
public class LocalSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private static final Set<String> LOCAL_USERS = Set.of(Roles.ADMIN, Roles.ANALYST, Roles.VIEWER);

    private final boolean enabled;

    public LocalSessionIdentityProvider(LocalUsersConfig config) {
        this.enabled = config.localUsersEnabled();
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String user = request.getPrincipal();
        if (!enabled || !LOCAL_USERS.contains(user)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("no local user '" + user + "'"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user))
                .addRoles(Roles.expand(user))
                .build());
    }
}
