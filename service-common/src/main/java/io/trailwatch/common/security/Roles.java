package io.trailwatch.common.security;

import java.util.Set;

/**
 * The platform's roles. They nest: an admin is also an analyst and a viewer, an analyst also a viewer, so an
 * endpoint names the least role it needs.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";
    /** Machines that push CloudTrail files into the collector. */
    public static final String INGEST = "ingest";

    private Roles() {
    }

    /** The role itself plus every role it includes. */
    public static Set<String> expand(String role) {
        return switch (role) {
            case ADMIN -> Set.of(ADMIN, ANALYST, VIEWER, INGEST);
            case ANALYST -> Set.of(ANALYST, VIEWER);
            case VIEWER -> Set.of(VIEWER);
            case INGEST -> Set.of(INGEST);
            default -> throw new IllegalArgumentException(
                    "unknown role '" + role + "': expected one of viewer, analyst, admin, ingest");
        };
    }
}
