package io.trailwatch.simulator.org;

/** What an account is for; decides who works in it and what happens there. */
public enum AccountRole {
    MANAGEMENT, LOG_ARCHIVE, AUDIT, NETWORK, SHARED_SERVICES, PRODUCTION, STAGING, DEVELOPMENT, SANDBOX;

    public boolean isWorkload() {
        return this == PRODUCTION || this == STAGING || this == DEVELOPMENT || this == SANDBOX;
    }
}
