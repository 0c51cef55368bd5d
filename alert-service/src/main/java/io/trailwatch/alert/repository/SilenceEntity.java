package io.trailwatch.alert.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "silences")
public class SilenceEntity {

    @Id
    public UUID id;
    @JdbcTypeCode(SqlTypes.JSON)
    public String matchers;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    public String comment;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expired_by")
    public String expiredBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
