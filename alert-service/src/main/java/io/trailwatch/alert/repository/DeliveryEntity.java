package io.trailwatch.alert.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One notification to one channel (the outbox row) and how delivering it went. */
@Entity
@Table(name = "deliveries")
public class DeliveryEntity {

    @Id
    public long id;
    @Column(name = "channel_name")
    public String channelName;
    @Column(name = "channel_type")
    public String channelType;
    @Column(name = "route_name")
    public String routeName;
    @Column(name = "group_id")
    public Long groupId;
    @Column(name = "group_key")
    public String groupKey;
    public int sequence;
    public String kind;
    public String status;
    @Column(name = "group_labels")
    @JdbcTypeCode(SqlTypes.JSON)
    public String groupLabels;
    @Column(name = "finding_ids")
    public String[] findingIds;
    @Column(name = "new_ids")
    public String[] newIds;
    @Column(name = "resolved_ids")
    public String[] resolvedIds;
    @Column(name = "firing_count")
    public int firingCount;
    @Column(name = "resolved_count")
    public int resolvedCount;
    @Column(name = "silence_ids")
    public UUID[] silenceIds;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "response_code")
    public Integer responseCode;
    @Column(name = "external_ref")
    public String externalRef;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
