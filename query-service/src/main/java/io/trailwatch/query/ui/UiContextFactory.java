package io.trailwatch.query.ui;

import io.quarkus.security.identity.SecurityIdentity;
import io.trailwatch.common.security.Roles;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Builds the {@link UiContext} of the current request from the security identity and the request. */
@RequestScoped
public class UiContextFactory {

    /** The cookie app.js sets when the user toggles the theme, so the server renders the right one. */
    public static final String THEME_COOKIE = "tw-theme";

    private record Section(String path, String label) {
    }

    /** Every area of the UI; all need the viewer role (viewers see everything read-only). */
    private static final List<Section> SECTIONS = List.of(
            new Section("/", "Dashboard"),
            new Section("/findings", "Findings"),
            new Section("/events", "Events"),
            new Section("/rules", "Rules"),
            new Section("/alerts", "Alerts"));

    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public UiContextFactory(SecurityIdentity identity, HttpServerRequest request) {
        this.identity = identity;
        this.request = request;
    }

    public UiContext current() {
        String name = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        String by = name.startsWith("token:") ? "token"
                : identity.getPrincipal() instanceof JsonWebToken ? "oidc" : "local";
        String role = identity.hasRole(Roles.ADMIN) ? Roles.ADMIN
                : identity.hasRole(Roles.ANALYST) ? Roles.ANALYST
                : identity.hasRole(Roles.VIEWER) ? Roles.VIEWER : "none";
        boolean viewer = identity.hasRole(Roles.VIEWER);
        String path = request.path();
        List<UiContext.NavEntry> nav = viewer
                ? SECTIONS.stream().map(s -> new UiContext.NavEntry(s.path(), s.label(), isCurrent(s.path(), path)))
                        .toList()
                : List.of();
        return new UiContext(name, role, identity.hasRole(Roles.ANALYST), identity.hasRole(Roles.ADMIN), by, nav,
                theme(request.getCookie(THEME_COOKIE)));
    }

    static boolean isCurrent(String section, String path) {
        if (path == null) {
            return false;
        }
        return section.equals("/") ? path.equals("/") : path.equals(section) || path.startsWith(section + "/");
    }

    static String theme(Cookie cookie) {
        return cookie != null && "light".equals(cookie.getValue()) ? "light" : "dark";
    }
}
