package io.trailwatch.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.contracts.Geo;
import io.trailwatch.contracts.Principal;
import io.trailwatch.rules.engine.rule.Rule;

/**
 * One-line summaries, e.g. "alice signed in to the console of 111122223333 without MFA from JP". Plain text;
 * every value in them is attacker-controlled and is escaped wherever it is shown.
 */
final class Summaries {

    private Summaries() {
    }

    static String of(Rule rule, JsonNode record, Principal principal, String account, Geo geo) {
        String who = principal == null || principal.userName() == null ? "an unknown principal" : principal.userName();
        String eventName = FindingFactory.text(record, "eventName");
        String where = geo != null && geo.country() != null ? geo.country() : FindingFactory.text(record, "sourceIPAddress");
        String from = where == null ? "" : " from " + where;
        String error = FindingFactory.text(record, "errorCode");
        String action = switch (rule.id()) {
            case "cis-console-signin-without-mfa" -> "signed in to the console of " + account + " without MFA";
            case "cis-console-auth-failures" -> "failed to sign in to the console of " + account;
            case "cis-root-account-usage" -> "used the root account of " + account + " (" + eventName + ")";
            case "cis-unauthorized-api-calls" -> "was denied " + eventName + " in " + account
                    + (error == null ? "" : " (" + error + ")");
            default -> "called " + eventName + " in " + account;
        };
        return who + " " + action + from + ": " + rule.title();
    }
}
