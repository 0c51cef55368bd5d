package io.trailwatch.query.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

/** Triage state, comments and history of findings. */
@ApplicationScoped
public class TriageRepository implements PanacheRepositoryBase<FindingTriage, String> {

    /** The finding's triage row, locked until the transaction ends so concurrent changes queue up. */
    public Optional<FindingTriage> lock(String findingId) {
        return findByIdOptional(findingId, LockModeType.PESSIMISTIC_WRITE);
    }

    public void add(FindingComment comment) {
        getEntityManager().persist(comment);
    }

    public void add(FindingChange change) {
        getEntityManager().persist(change);
    }

    public List<FindingComment> comments(String findingId) {
        return getEntityManager().createQuery(
                        "from FindingComment where findingId = :id order by id", FindingComment.class)
                .setParameter("id", findingId).getResultList();
    }

    public List<FindingChange> history(String findingId) {
        return getEntityManager().createQuery(
                        "from FindingChange where findingId = :id order by id", FindingChange.class)
                .setParameter("id", findingId).getResultList();
    }
}
