package io.trailwatch.alert.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Findings matching every matcher between {@code startsAt} and {@code endsAt} are recorded, not notified. */
public record Silence(UUID id, List<SilenceMatcher> matchers, Instant startsAt, Instant endsAt, String comment,
                      String createdBy) {

    public Silence {
        matchers = List.copyOf(matchers);
    }

    public boolean activeAt(Instant time) {
        return !time.isBefore(startsAt) && time.isBefore(endsAt);
    }

    public boolean matches(FindingFacts finding) {
        return matchers.stream().allMatch(m -> m.matches(finding));
    }

    /** pending (not started), active or expired at {@code time}. */
    public String state(Instant time) {
        if (time.isBefore(startsAt)) {
            return "pending";
        }
        return time.isBefore(endsAt) ? "active" : "expired";
    }
}
