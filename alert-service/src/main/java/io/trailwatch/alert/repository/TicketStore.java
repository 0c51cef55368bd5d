package io.trailwatch.alert.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Tickets opened for alert groups in systems without their own dedup key (Jira, ServiceNow). */
@ApplicationScoped
public class TicketStore {

    /** The external system's id (ServiceNow sys_id, Jira issue id) and human key (INC0010001, SEC-12). */
    public record Ticket(String externalId, String externalKey) {
    }

    private final Sql sql;

    public TicketStore(Sql sql) {
        this.sql = sql;
    }

    public Optional<Ticket> find(String channel, String groupKey) {
        return sql.work(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT external_id, external_key FROM alert.tickets WHERE channel_name = ? AND group_key = ?""")) {
                select.setString(1, channel);
                select.setString(2, groupKey);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new Ticket(rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    public void save(String channel, String groupKey, Ticket ticket) {
        sql.work(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO alert.tickets (channel_name, group_key, external_id, external_key)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT (channel_name, group_key) DO UPDATE SET external_id = EXCLUDED.external_id,
                        external_key = EXCLUDED.external_key, updated_at = now()""")) {
                upsert.setString(1, channel);
                upsert.setString(2, groupKey);
                upsert.setString(3, ticket.externalId());
                upsert.setString(4, ticket.externalKey());
                return upsert.executeUpdate();
            }
        });
    }
}
