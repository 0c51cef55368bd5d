package io.trailwatch.query.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API token presented as {@code Authorization: Bearer tw_...}. */
public class ApiTokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    public ApiTokenAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
