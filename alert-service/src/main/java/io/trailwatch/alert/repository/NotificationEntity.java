package io.trailwatch.alert.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One finding to notify on one channel, and how its delivery went. */
@Entity
@Table(name = "notifications")
public class NotificationEntity {

    /** Finding and channel: a finding is notified at most once per channel. */
    @Embeddable
    public record Key(@Column(name = "finding_id") String findingId, String channel) implements Serializable {
    }

    @EmbeddedId
    public Key id;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "response_code")
    public Integer responseCode;
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
