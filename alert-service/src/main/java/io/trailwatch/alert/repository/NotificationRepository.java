package io.trailwatch.alert.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<NotificationEntity, NotificationEntity.Key> {

    /** A notification to create: the finding's id and JSON. */
    public record NewNotification(String findingId, String payload) {
    }

    /** Adds the notifications not recorded yet for {@code channel}; a redelivered finding changes nothing. */
    public void insertNew(String channel, List<NewNotification> notifications) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO alert.notifications (finding_id, channel, status, payload)
                    VALUES (?, ?, 'pending', ?::json)
                    ON CONFLICT (finding_id, channel) DO NOTHING""")) {
                for (NewNotification n : notifications) {
                    insert.setString(1, n.findingId());
                    insert.setString(2, channel);
                    insert.setString(3, n.payload());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Due notifications, locked for this transaction; other senders skip them instead of waiting. */
    public List<NotificationEntity> lockDue(Instant now, int limit) {
        return find("status in ('pending', 'retrying') and nextAttemptAt <= ?1 order by nextAttemptAt", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, limit).list();
    }
}
