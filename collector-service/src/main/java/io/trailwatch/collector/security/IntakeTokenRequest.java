package io.trailwatch.collector.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API token presented as {@code Authorization: Bearer <token>}. */
public final class IntakeTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public IntakeTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
