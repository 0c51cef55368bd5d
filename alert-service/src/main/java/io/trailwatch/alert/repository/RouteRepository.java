package io.trailwatch.alert.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

@ApplicationScoped
public class RouteRepository implements PanacheRepositoryBase<RouteEntity, String> {

    /** Routes in evaluation order: position, then name. */
    public List<RouteEntity> listInOrder() {
        return listAll(Sort.by("position").and("name"));
    }

    public int nextPosition() {
        Integer max = getEntityManager().createQuery("select max(r.position) from RouteEntity r", Integer.class)
                .getSingleResult();
        return max == null ? 10 : max + 10;
    }

    /** Names of the routes that send to {@code channel}. */
    public List<String> usingChannel(String channel) {
        return listInOrder().stream()
                .filter(r -> Arrays.asList(r.channels).contains(channel))
                .map(r -> r.name)
                .toList();
    }
}
