package io.trailwatch.alert.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<DeliveryEntity, Long> {

    /** Filters of the delivery log; null means any. */
    public record Filter(String channel, String route, String status, String kind, String findingId, String groupKey,
                         Instant from, Instant to) {
    }

    /** Where the previous page ended. */
    public record After(Instant createdAt, long id) {
    }

    /** One page, newest first. */
    public List<DeliveryEntity> page(Filter filter, After after, int limit) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        equal(clauses, params, "channelName", "channel", filter.channel());
        equal(clauses, params, "routeName", "route", filter.route());
        equal(clauses, params, "status", "status", filter.status());
        equal(clauses, params, "kind", "kind", filter.kind());
        equal(clauses, params, "groupKey", "groupKey", filter.groupKey());
        if (filter.findingId() != null) {
            clauses.add("array_contains(findingIds, :findingId)");
            params.and("findingId", filter.findingId());
        }
        if (filter.from() != null) {
            clauses.add("createdAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            clauses.add("createdAt < :to");
            params.and("to", filter.to());
        }
        if (after != null) {
            clauses.add("(createdAt < :afterTime or (createdAt = :afterTime and id < :afterId))");
            params.and("afterTime", after.createdAt()).and("afterId", after.id());
        }
        String where = clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
        return find(where, Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending), params)
                .page(0, limit).list();
    }

    private static void equal(List<String> clauses, Parameters params, String field, String name, String value) {
        if (value != null && !value.isBlank()) {
            clauses.add(field + " = :" + name);
            params.and(name, value);
        }
    }

    public List<DeliveryAttemptEntity> attempts(long deliveryId) {
        return getEntityManager().createQuery(
                        "from DeliveryAttemptEntity a where a.id.deliveryId = :id order by a.id.attempt",
                        DeliveryAttemptEntity.class)
                .setParameter("id", deliveryId).getResultList();
    }
}
