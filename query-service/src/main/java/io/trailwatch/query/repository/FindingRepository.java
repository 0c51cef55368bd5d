package io.trailwatch.query.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

@ApplicationScoped
public class FindingRepository implements PanacheRepositoryBase<FindingEntity, String> {

    /** Filters of a findings search; null means "any". */
    public record Filter(String ruleId, String accountId, Instant from, Instant to) {
    }

    /** Inserts the findings whose id is not stored yet, in one JDBC batch; returns how many were new. */
    public int insertNew(List<FindingEntity> rows) {
        int[] inserted = {0};
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO query.findings (finding_id, rule_id, title, severity, category, account_id, region,
                        event_time, event_id, event_name, principal_arn, source_ip, country, summary, detected_at,
                        finding)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                    ON CONFLICT (finding_id) DO NOTHING""")) {
                for (FindingEntity row : rows) {
                    insert.setString(1, row.findingId);
                    insert.setString(2, row.ruleId);
                    insert.setString(3, row.title);
                    insert.setString(4, row.severity);
                    insert.setString(5, row.category);
                    insert.setString(6, row.accountId);
                    insert.setString(7, row.region);
                    insert.setTimestamp(8, Timestamp.from(row.eventTime));
                    insert.setString(9, row.eventId);
                    insert.setString(10, row.eventName);
                    insert.setString(11, row.principalArn);
                    insert.setString(12, row.sourceIp);
                    insert.setString(13, row.country);
                    insert.setString(14, row.summary);
                    insert.setTimestamp(15, Timestamp.from(row.detectedAt));
                    insert.setString(16, row.finding);
                    insert.addBatch();
                }
                for (int count : insert.executeBatch()) {
                    inserted[0] += Math.max(count, 0);
                }
            }
        });
        return inserted[0];
    }

    /** One page of findings, newest event first. */
    public List<FindingEntity> page(Filter filter, Cursor after, int limit) {
        PageQuery query = new PageQuery("eventTime", "findingId")
                .equal("ruleId", filter.ruleId())
                .equal("accountId", filter.accountId())
                .range(filter.from(), filter.to())
                .after(after);
        return find(query.where(), query.parameters()).page(0, limit).list();
    }
}
