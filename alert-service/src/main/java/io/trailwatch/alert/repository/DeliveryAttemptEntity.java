package io.trailwatch.alert.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One try at delivering a notification. */
@Entity
@Table(name = "delivery_attempts")
public class DeliveryAttemptEntity {

    @Embeddable
    public record Key(@Column(name = "delivery_id") long deliveryId, int attempt) implements Serializable {
    }

    @EmbeddedId
    public Key id;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "duration_ms")
    public int durationMs;
    public String outcome;
    @Column(name = "response_code")
    public Integer responseCode;
    public String error;
}
