package io.trailwatch.query.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<EventEntity, String> {

    /** Filters of an event search; null means "any". */
    public record Filter(String accountId, String eventName, Instant from, Instant to) {
    }

    /** Inserts the rows whose eventID is not stored yet, in one JDBC batch; returns how many were new. */
    public int insertNew(List<EventEntity> rows) {
        int[] inserted = {0};
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO query.events (event_id, event_time, account_id, region, event_source, event_name,
                        principal_type, principal_arn, principal_name, source_ip, user_agent, error_code, read_only,
                        record)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                    ON CONFLICT (event_id) DO NOTHING""")) {
                for (EventEntity row : rows) {
                    insert.setString(1, row.eventId);
                    insert.setTimestamp(2, Timestamp.from(row.eventTime));
                    insert.setString(3, row.accountId);
                    insert.setString(4, row.region);
                    insert.setString(5, row.eventSource);
                    insert.setString(6, row.eventName);
                    insert.setString(7, row.principalType);
                    insert.setString(8, row.principalArn);
                    insert.setString(9, row.principalName);
                    insert.setString(10, row.sourceIp);
                    insert.setString(11, row.userAgent);
                    insert.setString(12, row.errorCode);
                    if (row.readOnly == null) {
                        insert.setNull(13, Types.BOOLEAN);
                    } else {
                        insert.setBoolean(13, row.readOnly);
                    }
                    insert.setString(14, row.record);
                    insert.addBatch();
                }
                for (int count : insert.executeBatch()) {
                    inserted[0] += Math.max(count, 0);
                }
            }
        });
        return inserted[0];
    }

    /** One page of events, newest first. */
    public List<EventEntity> page(Filter filter, Cursor after, int limit) {
        PageQuery query = new PageQuery("eventTime", "eventId")
                .equal("accountId", filter.accountId())
                .equal("eventName", filter.eventName())
                .range(filter.from(), filter.to())
                .after(after);
        return find(query.where(), query.parameters()).page(0, limit).list();
    }
}
