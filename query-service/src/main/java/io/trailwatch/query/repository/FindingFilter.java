package io.trailwatch.query.repository;

import java.time.Instant;
import java.util.List;

/** A findings search on eventTime and triage fields; null or empty means "any". */
public record FindingFilter(Instant from, Instant to, List<String> ruleIds, List<String> severities,
                            List<String> statuses, List<String> accountIds, List<String> regions,
                            List<String> categories, String assignee, Boolean assigned, String eventId) {

    SqlQuery toQuery() {
        SqlQuery q = new SqlQuery()
                .from("event_time", from)
                .to("event_time", to)
                .anyOf("rule_id", ruleIds)
                .anyOf("severity", severities)
                .anyOf("status", statuses)
                .anyOf("account_id", accountIds)
                .anyOf("region", regions)
                .anyOf("category", categories);
        if (assignee != null) {
            q.and("assignee = ?", assignee);
        }
        if (assigned != null) {
            q.and(assigned ? "assignee IS NOT NULL" : "assignee IS NULL");
        }
        if (eventId != null) {
            q.and("event_id = ?", eventId);
        }
        return q;
    }
}
