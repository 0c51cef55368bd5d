package io.trailwatch.query.rest;

import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.service.PanelService;
import io.trailwatch.query.service.Panels;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/panels")
@Tag(name = "Dashboard", description = "The CIS AWS Foundations dashboard in one call")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class PanelResource {

    static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    static final Duration MAX_RANGE = Duration.ofDays(400);
    static final int MAX_BUCKETS = 2000;

    private final PanelService panels;

    public PanelResource(PanelService panels) {
        this.panels = panels;
    }

    @GET
    @Operation(summary = "Every dashboard panel", description = "Sections 'access' and 'configuration' with one panel "
            + "per CIS monitoring control (total, previous-period total, a time series, last seen, top principals, "
            + "source IPs, accounts and event names), section 'other' for further rules with findings, failed "
            + "console logins by country, and the outlier series with their band. Counts come from per-minute "
            + "rollups: the range is widened to whole minutes. Without a range: the last 24 hours.")
    public Panels get(@QueryParam("from") @Parameter(description = "ISO-8601; default: 'to' minus 24 hours") String from,
                      @QueryParam("to") @Parameter(description = "ISO-8601; default: now") String to,
                      @QueryParam("accountId") @Parameter(description = "Only these accounts; repeat or "
                              + "comma-separate") List<String> accountId,
                      @QueryParam("region") @Parameter(description = "Only these regions") List<String> region,
                      @QueryParam("bucket") @Parameter(description = "Series bucket size (60s, 5m, 1h, 1d; a whole "
                              + "number of minutes); default: the smallest that gives at most 200 points")
                      String bucket) {
        Instant[] range = QueryParams.range(from, to);
        Instant end = range[1] != null ? range[1] : Instant.now();
        Instant start = range[0] != null ? range[0] : end.minus(DEFAULT_RANGE);
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("'from' (" + start + ") must be before 'to' (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ApiException.badRequest("the range from 'from' to 'to' may span at most " + MAX_RANGE.toDays()
                    + " days");
        }
        Duration size = QueryParams.duration("bucket", bucket);
        long bucketSeconds;
        if (size == null) {
            bucketSeconds = panels.bucketFor(start, end);
        } else {
            bucketSeconds = size.toSeconds();
            if (bucketSeconds % 60 != 0) {
                throw ApiException.badRequest("'bucket' must be a whole number of minutes, got '" + bucket + "'");
            }
            long count = (Duration.between(start, end).toSeconds() + bucketSeconds - 1) / bucketSeconds;
            if (count > MAX_BUCKETS) {
                throw ApiException.badRequest("'bucket' " + bucket + " gives " + count + " points for this range; "
                        + "at most " + MAX_BUCKETS + " are allowed");
            }
        }
        return panels.panels(start, end, bucketSeconds, QueryParams.list("accountId", accountId),
                QueryParams.list("region", region), true);
    }
}
