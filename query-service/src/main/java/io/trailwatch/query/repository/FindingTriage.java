package io.trailwatch.query.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The triage columns of a stored finding. Findings are inserted by ingestion only; this entity changes their triage
 * state (its other columns are never written through JPA).
 */
@Entity
@Table(name = "findings")
public class FindingTriage {

    @Id
    @Column(name = "finding_id")
    public String findingId;
    public String status;
    public String assignee;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "comment_count")
    public int commentCount;
    public int version;
}
