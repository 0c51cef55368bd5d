package io.trailwatch.query.rest;

import io.trailwatch.common.security.Roles;
import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.AccountRepository;
import io.trailwatch.query.repository.AccountRepository.AccountRegion;
import io.trailwatch.query.repository.Cursor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/accounts")
@Tag(name = "Accounts", description = "The AWS accounts and regions events came from")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class AccountResource {

    /** A region of an account; {@code region} is null for events without awsRegion. */
    public record Region(String region, Instant firstEventTime, Instant lastEventTime) {
    }

    /** An account, its display name (trailwatch.query.account-names) and its regions. */
    public record Account(String accountId, String name, Instant firstEventTime, Instant lastEventTime,
                          List<Region> regions) {
    }

    private final AccountRepository accounts;
    private final QueryConfig config;

    public AccountResource(AccountRepository accounts, QueryConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    @GET
    @Operation(summary = "Accounts and regions seen", description = "By account id, with the first and last "
            + "eventTime stored for each (first/last survive the retention of the events themselves).")
    public Page<Account> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int size = QueryParams.limit(limit, config.search());
        Cursor after = QueryParams.cursor(cursor);
        List<AccountRegion> rows = accounts.page(after == null ? null : after.id(), size + 1);
        Map<String, List<AccountRegion>> byAccount = new LinkedHashMap<>();
        rows.forEach(r -> byAccount.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r));
        List<Account> items = new ArrayList<>();
        for (Map.Entry<String, List<AccountRegion>> entry : byAccount.entrySet()) {
            List<AccountRegion> regions = entry.getValue();
            items.add(new Account(entry.getKey(), config.accountNames().get(entry.getKey()),
                    regions.stream().map(AccountRegion::firstEventTime).min(Instant::compareTo).orElseThrow(),
                    regions.stream().map(AccountRegion::lastEventTime).max(Instant::compareTo).orElseThrow(),
                    regions.stream().map(r -> new Region(r.region().isEmpty() ? null : r.region(),
                            r.firstEventTime(), r.lastEventTime())).toList()));
        }
        String next = null;
        if (items.size() > size) {
            items = items.subList(0, size);
            next = new Cursor(Instant.EPOCH, items.get(size - 1).accountId()).encode();
        }
        return new Page<>(items, next);
    }
}
