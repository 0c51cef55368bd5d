package io.trailwatch.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.contracts.Geo;
import io.trailwatch.contracts.OutlierDetails;
import io.trailwatch.contracts.Principal;
import io.trailwatch.rules.engine.outlier.DetectorDefinition;
import io.trailwatch.rules.engine.outlier.Timeslice;
import io.trailwatch.rules.engine.rule.Rule;
import java.util.Locale;

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

    /**
     * E.g. "57 cis-console-auth-failures matches for accountId 111122223333 in the 5m slice from
     * 2026-11-27T10:05:00Z, expected at most 1.9 (mean 0.3), mostly from CN: Outlier: failed console sign-ins".
     */
    static String ofOutlier(DetectorDefinition detector, String group, OutlierDetails d) {
        String field = detector.groupBy().field();
        String who = field == null ? "" : " for " + field + " " + group;
        String band;
        if (d.mean() == null) {
            band = "";
        } else if (d.upper() != null && d.value() > d.upper()) {
            band = ", expected at most " + number(d.upper()) + " (mean " + number(d.mean()) + ")";
        } else {
            band = ", expected at least " + number(d.lower()) + " (mean " + number(d.mean()) + ")";
        }
        String from = d.topCountries() == null || d.topCountries().isEmpty() ? ""
                : ", mostly from " + d.topCountries().get(0).value();
        return d.value() + " " + detector.ruleId() + " matches" + who + " in the "
                + Timeslice.format(detector.parameters().timeslice()) + " slice from " + d.sliceStart() + band + from
                + ": " + detector.title();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
