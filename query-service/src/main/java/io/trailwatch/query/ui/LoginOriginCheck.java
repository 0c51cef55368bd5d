package io.trailwatch.query.ui;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/**
 * Refuses a sign-in form posted from another site (login CSRF: a page elsewhere signing the victim's browser in as
 * the attacker, so what the victim then triages or types lands in the attacker's session). The sign-in POST is
 * handled by Quarkus' form authentication before any application code, where the CSRF token of the other forms
 * cannot be checked, so its Origin (or, without one, Referer) header must name the host the request was sent to.
 * Browsers send Origin on every cross-site POST; a request with neither header (curl, scripts) is let through.
 */
@ApplicationScoped
public class LoginOriginCheck {

    static final String LOGIN_ACTION = "/j_security_check";

    void register(@Observes Router router) {
        // Right after the security headers and before authentication, which consumes the sign-in POST.
        router.post(LOGIN_ACTION).order(RouteConstants.ROUTE_ORDER_HEADERS + 1).handler(context -> {
            String refusal = refusal(context.request());
            if (refusal == null) {
                context.next();
            } else {
                context.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("Sign-in refused: " + refusal + ".\n");
            }
        });
    }

    /** Why the sign-in request must be refused, or null when it comes from a page of this host. */
    static String refusal(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        String header = "Origin";
        if (origin == null) {
            origin = request.getHeader("Referer");
            header = "Referer";
        }
        if (origin == null) {
            return null;
        }
        String host = request.authority() == null ? null : request.authority().toString();
        String from = hostOf(origin);
        if (from == null || !from.equalsIgnoreCase(host)) {
            return "the form was posted from " + (from == null ? "an unknown page" : from) + " (" + header
                    + " header), not from " + host;
        }
        return null;
    }

    /** host[:port] of an absolute URL; null for "null" (opaque origins) and anything that is not a URL. */
    private static String hostOf(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                return null;
            }
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
