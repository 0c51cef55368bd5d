package io.trailwatch.rules.rest;

import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import io.trailwatch.rules.service.EvaluationService;
import io.trailwatch.rules.service.GeoLocator;
import io.trailwatch.rules.service.RuleCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rules")
@Tag(name = "Rules")
public class RulesResource {

    static final String NDJSON = "application/x-ndjson";

    private final RuleCatalog catalog;
    private final GeoLocator geo;
    private final EvaluationService evaluation;

    public RulesResource(RuleCatalog catalog, GeoLocator geo, EvaluationService evaluation) {
        this.catalog = catalog;
        this.geo = geo;
        this.evaluation = evaluation;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The rules and outlier detectors in force",
            description = "Every loaded rule (enabled or not) compiled for the configured CIS benchmark version, "
                    + "every outlier detector, the custom files or options that could not be loaded, and where IP "
                    + "geolocation comes from (with the attribution the country data requires).")
    @APIResponse(responseCode = "200", description = "{\"cisVersion\", \"rules\": [...], \"detectors\": [...], "
            + "\"loadErrors\": [...], \"geo\": {...}}")
    public RuleViews.Catalog list() {
        return new RuleViews.Catalog(catalog.rules().cisVersion().toString(),
                catalog.rules().rules().stream().map(RuleViews.RuleView::of).toList(),
                catalog.detectors().stream().map(RuleViews.DetectorView::of).toList(),
                catalog.loadErrors().stream().map(RuleViews.LoadError::of).toList(),
                new RuleViews.GeoView(geo.countryDatabase(), geo.cityDatabase(), geo.attribution()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One rule or outlier detector by id (the ruleId of its findings)")
    @APIResponse(responseCode = "200", description = "A rule (kind \"rule\") or a detector (kind \"detector\")")
    @APIResponse(responseCode = "404", description = "No rule or detector has this id")
    public Object get(@PathParam("id") String id) {
        return catalog.rules().rule(id).<Object>map(RuleViews.RuleView::of)
                .or(() -> catalog.detector(id).map(RuleViews.DetectorView::of))
                .orElseThrow(() -> ApiException.notFound("no rule or outlier detector with id '" + id + "'"));
    }

    @POST
    @Path("/evaluate")
    @RolesAllowed(Roles.ANALYST)
    @Consumes({MediaType.APPLICATION_JSON, "application/gzip", "application/x-gzip", MediaType.APPLICATION_OCTET_STREAM})
    @Produces({NDJSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "Evaluate the rules on a CloudTrail log file, publishing nothing",
            description = "The body is one CloudTrail log file ({\"Records\":[...]}), plain or gzip (detected from "
                    + "the content). The answer has one JSON line per record, in file order: "
                    + "{\"eventID\":\"…\",\"ruleIds\":[…]} with the sorted ids of the enabled rules that match "
                    + "([] when none), exactly what `trailwatch-rules eval` prints. Headers X-Trailwatch-Records, "
                    + "X-Trailwatch-Matched and X-Trailwatch-Cis-Version summarise it.")
    @APIResponse(responseCode = "200", description = "One JSON line per record")
    @APIResponse(responseCode = "400", description = "Not a CloudTrail log file, too large once decompressed, or an "
            + "unknown benchmark version; the message says what is wrong")
    @APIResponse(responseCode = "413", description = "The upload is larger than the service accepts")
    public Response evaluate(InputStream body,
            @Parameter(description = "Evaluate with this CIS benchmark version's patterns, e.g. v1.2.0 (default: "
                    + "the configured version)") @QueryParam("cisVersion") String cisVersion) {
        EvaluationService.FileResult result = evaluation.evaluateFile(body, cisVersion);
        return Response.ok(result.jsonLines(), NDJSON)
                .header("X-Trailwatch-Records", result.records())
                .header("X-Trailwatch-Matched", result.matched())
                .header("X-Trailwatch-Cis-Version", result.cisVersion())
                .build();
    }
}
