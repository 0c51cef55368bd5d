package io.trailwatch.query.ui;

import java.util.List;

/**
 * What every page template needs about the signed-in user and the page chrome; templates receive it as {@code ui}.
 *
 * @param userName the signed-in principal's name
 * @param role the highest platform role held (admin, analyst or viewer), or {@code none}
 * @param canTriage whether finding triage and silences may be shown (analyst and admin)
 * @param canAdmin whether configuration changes may be shown (admin)
 * @param authenticatedBy {@code local} (built-in users), {@code oidc} or {@code token}
 * @param nav the navigation entries the role may use, the current one marked
 * @param theme {@code dark} (default) or {@code light}, as remembered by the browser
 */
public record UiContext(String userName, String role, boolean canTriage, boolean canAdmin, String authenticatedBy,
                        List<NavEntry> nav, String theme) {

    /** One entry of the navigation bar; {@code current} when the page shown belongs to it. */
    public record NavEntry(String path, String label, boolean current) {
    }

    /** Whether the user may sign out with the form-login logout (OIDC sessions end at the provider). */
    public boolean localSession() {
        return "local".equals(authenticatedBy);
    }

    /** Whether the user signed in through the OIDC provider, whose session ends at quarkus.oidc.logout.path. */
    public boolean ssoSession() {
        return "oidc".equals(authenticatedBy);
    }
}
