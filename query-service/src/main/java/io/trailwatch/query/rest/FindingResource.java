package io.trailwatch.query.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.repository.Cursor;
import io.trailwatch.query.repository.FindingEntity;
import io.trailwatch.query.repository.FindingRepository;
import io.trailwatch.query.service.IngestionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/findings")
@Tag(name = "Findings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class FindingResource {

    private final FindingRepository findings;
    private final IngestionService json;

    public FindingResource(FindingRepository findings, IngestionService json) {
        this.findings = findings;
        this.json = json;
    }

    @GET
    @Operation(summary = "Search findings", description = "Newest event first; each item is a Finding as published "
            + "on trailwatch.findings. Times are ISO-8601 UTC; 'from' is inclusive, 'to' exclusive.")
    public Page<JsonNode> list(@QueryParam("ruleId") String ruleId, @QueryParam("accountId") String accountId,
                               @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int size = QueryParams.limit(limit);
        List<FindingEntity> rows = findings.page(new FindingRepository.Filter(ruleId, accountId,
                QueryParams.instant("from", from), QueryParams.instant("to", to)), QueryParams.cursor(cursor), size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            FindingEntity last = rows.get(size - 1);
            next = new Cursor(last.eventTime, last.findingId).encode();
        }
        return new Page<>(rows.stream().map(f -> json.tree(f.finding)).toList(), next);
    }
}
