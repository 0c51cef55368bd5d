package io.trailwatch.simulator.truth;

/** Rule ids that are not single-record CIS patterns. */
public final class RuleIds {

    /** The spike detector on failed console logins: expected per scenario run, not per record. */
    public static final String OUTLIER_CONSOLE_AUTH_FAILURES = "outlier-console-auth-failures";

    private RuleIds() {
    }
}
