package io.trailwatch.query.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One triage change of a finding: who changed which field when, from what to what. */
@Entity
@Table(name = "finding_history")
public class FindingChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "finding_id")
    public String findingId;
    public String actor;
    @Column(name = "changed_at")
    public Instant changedAt;
    public String field;
    @Column(name = "from_value")
    public String fromValue;
    @Column(name = "to_value")
    public String toValue;
}
