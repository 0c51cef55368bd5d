package io.trailwatch.query.repository;

import java.time.Instant;

/** A stored finding with its triage state, as the API shows it. */
public record FindingView(FindingRow finding, String status, String assignee, Instant updatedAt, String updatedBy,
                          int commentCount, int version, Instant storedAt) {
}
