package io.trailwatch.query.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepositoryBase<ApiToken, String> {

    /** Tokens newest first, after the cursor's (createdAt, id). */
    public List<ApiToken> page(Cursor after, int limit) {
        if (after == null) {
            return findAll(Sort.descending("createdAt", "tokenId")).page(0, limit).list();
        }
        return find("createdAt < ?1 or (createdAt = ?1 and tokenId < ?2)",
                Sort.descending("createdAt", "tokenId"), after.time(), after.id()).page(0, limit).list();
    }
}
