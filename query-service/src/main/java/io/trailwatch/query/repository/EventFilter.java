package io.trailwatch.query.repository;

import java.time.Instant;
import java.util.List;

/**
 * An event search; null or empty means "any". Text lists match any of their values; a value may start and/or end
 * with {@code *}.
 *
 * @param principal a principal ARN (when it starts with {@code arn:}) or a user/role name
 * @param sourceAddress an IP address (matches it exactly)
 * @param sourceNetwork an address block {@code address/prefix} (matches every address inside)
 * @param sourceHost a non-IP sourceIPAddress such as {@code ec2.amazonaws.com} (matches it exactly)
 * @param userAgentIds events with one of these user agents (see {@link UserAgents#matching}); null for any
 * @param ruleIds events that one of these rules matched (that have a finding of one of them)
 */
public record EventFilter(Instant from, Instant to, List<String> accountIds, List<String> regions,
                          List<String> eventSources, List<String> eventNames, String principal,
                          String sourceAddress, String sourceNetwork, String sourceHost, List<String> errorCodes,
                          Boolean readOnly, List<Long> userAgentIds, List<String> ruleIds) {

    /** Whether no event can match (a userAgent text that no stored user agent contains). */
    boolean matchesNothing() {
        return userAgentIds != null && userAgentIds.isEmpty();
    }

    SqlQuery toQuery() {
        SqlQuery q = new SqlQuery()
                .from("event_time", from)
                .to("event_time", to)
                .anyOf("account_id", accountIds)
                .anyOf("region", regions)
                .matchesAny("event_source", eventSources)
                .matchesAny("event_name", eventNames)
                .matchesAny("error_code", errorCodes);
        if (principal != null) {
            q.matchesAny(principal.startsWith("arn:") ? "principal_arn" : "principal_name", List.of(principal));
        }
        if (sourceAddress != null) {
            q.and("source_inet = ?::inet", sourceAddress);
        }
        if (sourceNetwork != null) {
            q.and("source_inet <<= ?::inet", sourceNetwork);
        }
        if (sourceHost != null) {
            q.and("source_ip = ?", sourceHost);
        }
        if (readOnly != null) {
            q.and("read_only = ?", readOnly);
        }
        if (userAgentIds != null) {
            q.and("user_agent_id = ANY(?)", (Object) userAgentIds.toArray(Long[]::new));
        }
        if (ruleIds != null && !ruleIds.isEmpty()) {
            SqlQuery matched = new SqlQuery().from("f.event_time", from).to("f.event_time", to)
                    .and("f.event_id IS NOT NULL").anyOf("f.rule_id", ruleIds);
            q.and("(event_id, event_time) IN (SELECT f.event_id, f.event_time FROM query.findings f"
                    + matched.where() + ")", matched.values().toArray());
        }
        return q;
    }
}
