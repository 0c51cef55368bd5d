package io.trailwatch.alert.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SilenceRepository implements PanacheRepositoryBase<SilenceEntity, UUID> {

    /** Silences that have not ended at {@code now} (active and pending). */
    public List<SilenceEntity> notEnded(Instant now) {
        return list("endsAt > ?1", Sort.by("startsAt"), now);
    }

    /** Newest first; {@code state} is pending, active, expired or null for all. */
    public List<SilenceEntity> list(String state, Instant now) {
        Sort newest = Sort.by("createdAt", Sort.Direction.Descending);
        if (state == null) {
            return listAll(newest);
        }
        return switch (state) {
            case "pending" -> list("startsAt > ?1", newest, now);
            case "active" -> list("startsAt <= ?1 and endsAt > ?1", newest, now);
            default -> list("endsAt <= ?1", newest, now);
        };
    }
}
