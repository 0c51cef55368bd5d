package io.trailwatch.alert.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A configured receiver. {@code secrets} holds encrypted values or environment references, never plain text. */
@Entity
@Table(name = "channels")
public class ChannelEntity {

    @Id
    public String name;
    public String type;
    @JdbcTypeCode(SqlTypes.JSON)
    public String settings;
    @JdbcTypeCode(SqlTypes.JSON)
    public String secrets;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_by")
    public String updatedBy;
}
