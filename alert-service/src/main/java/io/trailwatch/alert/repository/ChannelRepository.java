package io.trailwatch.alert.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ChannelRepository implements PanacheRepositoryBase<ChannelEntity, String> {

    public List<ChannelEntity> listByName() {
        return listAll(Sort.by("name"));
    }
}
