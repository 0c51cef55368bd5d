package io.trailwatch.query.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.config.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Gives every identity the Trailwatch roles its roles stand for: an OIDC group mapped by
 * {@code trailwatch.query.auth.role-mapping}, or a Trailwatch role itself, plus every role it includes (an admin is
 * also an analyst and a viewer). Local users and API tokens already carry expanded roles; this adds nothing there.
 */
@ApplicationScoped
public class RoleAugmentor implements SecurityIdentityAugmentor {

    private static final Set<String> PLATFORM_ROLES = Set.of(Roles.VIEWER, Roles.ANALYST, Roles.ADMIN);

    private final Map<String, String> mapping;

    public RoleAugmentor(QueryConfig config) {
        this.mapping = config.auth().roleMapping();
        mapping.forEach((from, to) -> {
            if (!PLATFORM_ROLES.contains(to)) {
                throw new IllegalArgumentException("trailwatch.query.auth.role-mapping." + from + " maps to '" + to
                        + "': expected one of viewer, analyst, admin");
            }
        });
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> added = new HashSet<>();
        for (String role : identity.getRoles()) {
            String platformRole = PLATFORM_ROLES.contains(role) ? role : mapping.get(role);
            if (platformRole != null) {
                added.addAll(Roles.expand(platformRole));
            }
        }
        added.removeAll(identity.getRoles());
        if (added.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(added).build());
    }
}
