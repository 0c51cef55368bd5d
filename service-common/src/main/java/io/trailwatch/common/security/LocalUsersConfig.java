package io.trailwatch.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The built-in users of local mode: {@code admin}, {@code analyst}, {@code viewer}. Passwords come from
 * TRAILWATCH_ADMIN_PASSWORD, TRAILWATCH_ANALYST_PASSWORD and TRAILWATCH_VIEWER_PASSWORD.
 */
@ConfigMapping(prefix = "trailwatch.auth")
public interface LocalUsersConfig {

    /** Whether the built-in users can sign in (local mode). Production installs turn this off and use OIDC. */
    @WithDefault("true")
    boolean localUsersEnabled();

    Optional<String> adminPassword();

    Optional<String> analystPassword();

    Optional<String> viewerPassword();
}
