package io.trailwatch.query.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored CloudTrail record. Written only by {@link EventRepository#insertNew}; read through Panache. */
@Entity
@Table(name = "events")
public class EventEntity {

    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_time")
    public Instant eventTime;
    @Column(name = "account_id")
    public String accountId;
    public String region;
    @Column(name = "event_source")
    public String eventSource;
    @Column(name = "event_name")
    public String eventName;
    @Column(name = "principal_type")
    public String principalType;
    @Column(name = "principal_arn")
    public String principalArn;
    @Column(name = "principal_name")
    public String principalName;
    @Column(name = "source_ip")
    public String sourceIp;
    @Column(name = "user_agent")
    public String userAgent;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "read_only")
    public Boolean readOnly;
    @Column(name = "ingested_at")
    public Instant ingestedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public String record;
}
