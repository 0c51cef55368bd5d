package io.trailwatch.alert.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.trailwatch.common.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who a change is recorded for. query-service calls this service with its own admin account on behalf of the person
 * signed in to the UI or its API, and names that person in {@value #HEADER}; the record then keeps both
 * ({@code alice (via admin)}), so the audit trail shows the person without trusting anyone less than an admin to
 * speak for others.
 */
@RequestScoped
public class ActingUser {

    public static final String HEADER = "X-Trailwatch-Acting-User";
    private static final int MAX_NAME = 200;

    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public ActingUser(SecurityIdentity identity, HttpServerRequest request) {
        this.identity = identity;
        this.request = request;
    }

    public String name() {
        String caller = identity.getPrincipal().getName();
        String actingFor = request.getHeader(HEADER);
        if (actingFor == null || actingFor.isBlank() || !identity.hasRole(Roles.ADMIN)) {
            return caller;
        }
        String person = actingFor.strip().replaceAll("\\p{Cntrl}", "");
        if (person.length() > MAX_NAME) {
            person = person.substring(0, MAX_NAME);
        }
        return person.equals(caller) ? caller : person + " (via " + caller + ")";
    }
}
