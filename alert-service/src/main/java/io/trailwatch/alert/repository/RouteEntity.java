package io.trailwatch.alert.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A route: which findings go to which channels, grouped how, with which timers. */
@Entity
@Table(name = "routes")
public class RouteEntity {

    @Id
    public String name;
    public int position;
    @JdbcTypeCode(SqlTypes.JSON)
    public String match;
    public String[] channels;
    @Column(name = "group_by")
    public String[] groupBy;
    @Column(name = "group_wait_ms")
    public long groupWaitMs;
    @Column(name = "group_interval_ms")
    public long groupIntervalMs;
    @Column(name = "repeat_interval_ms")
    public long repeatIntervalMs;
    @Column(name = "continue_matching")
    public boolean continueMatching;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_by")
    public String updatedBy;
}
