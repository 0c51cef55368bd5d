package io.trailwatch.query.ui;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Adds the browser security headers to every response. The Content-Security-Policy allows scripts and styles only
 * from this origin (no inline script, no inline style attribute), so a value from an event that slipped into a
 * page unescaped still could not run. Quarkus' own tools under /q/ (Swagger UI uses inline scripts) are left out.
 */
@ApplicationScoped
public class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    void register(@Observes Router router) {
        // First of all routes (as Quarkus' own configured headers), so redirects and errors get the headers too.
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(context -> {
            String path = context.normalizedPath();
            context.addHeadersEndHandler(ignored -> {
                var headers = context.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "same-origin");
                if (!path.startsWith("/q/")) {
                    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                    headers.set("X-Frame-Options", "DENY");
                }
            });
            context.next();
        });
    }
}
