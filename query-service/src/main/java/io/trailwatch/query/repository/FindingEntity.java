package io.trailwatch.query.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored finding. Written only by {@link FindingRepository#insertNew}; read through Panache. */
@Entity
@Table(name = "findings")
public class FindingEntity {

    @Id
    @Column(name = "finding_id")
    public String findingId;
    @Column(name = "rule_id")
    public String ruleId;
    public String title;
    public String severity;
    public String category;
    @Column(name = "account_id")
    public String accountId;
    public String region;
    @Column(name = "event_time")
    public Instant eventTime;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_name")
    public String eventName;
    @Column(name = "principal_arn")
    public String principalArn;
    @Column(name = "source_ip")
    public String sourceIp;
    public String country;
    public String summary;
    @Column(name = "detected_at")
    public Instant detectedAt;
    @Column(name = "stored_at")
    public Instant storedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public String finding;
}
