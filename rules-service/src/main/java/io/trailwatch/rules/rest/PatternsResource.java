package io.trailwatch.rules.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import io.trailwatch.rules.engine.pattern.FilterPatternSyntaxException;
import io.trailwatch.rules.service.EvaluationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/patterns")
@Tag(name = "Rules")
public class PatternsResource {

    /** {"pattern": "{ $.eventName = ConsoleLogin }", "events": [ {CloudTrail record}, ... ]}. */
    public record PatternTest(String pattern, JsonNode events) {
    }

    /** Per event, in request order, and how many matched. */
    public record PatternTestResult(List<EvaluationService.PatternMatch> results, long matched) {
    }

    /**
     * The 400 answer for an invalid pattern: {@code ApiError}'s fields plus where the problem is.
     *
     * @param position 0-based character offset into the pattern
     * @param excerpt the offending line with a caret under the position
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PatternError(int status, String error, String message, int position, int line, int column,
            String expected, String found, String excerpt) {
    }

    private final EvaluationService evaluation;

    public PatternsResource(EvaluationService evaluation) {
        this.evaluation = evaluation;
    }

    @POST
    @Path("/test")
    @RolesAllowed(Roles.ANALYST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Try a filter pattern on events",
            description = "Compiles a CloudWatch Logs JSON filter pattern and tests it on each event (CloudTrail "
                    + "records as JSON objects; none to only check the syntax). Answers "
                    + "{\"results\":[{\"index\":0,\"eventID\":\"…\",\"match\":true},...],\"matched\":1}.")
    @APIResponse(responseCode = "200", description = "Per-event results")
    @APIResponse(responseCode = "400", description = "Invalid pattern (error invalid_pattern, with position, line, "
            + "column, expected, found and excerpt), or a malformed request")
    public Response test(PatternTest request) {
        if (request == null) {
            throw ApiException.badRequest("the request body is empty: expected {\"pattern\": \"...\", \"events\": [...]}");
        }
        try {
            List<EvaluationService.PatternMatch> results = evaluation.testPattern(request.pattern(), request.events());
            return Response.ok(new PatternTestResult(results,
                    results.stream().filter(EvaluationService.PatternMatch::match).count())).build();
        } catch (FilterPatternSyntaxException e) {
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new PatternError(400, "invalid_pattern", e.getMessage(), e.position(), e.line(),
                            e.column(), e.expected(), e.found(), e.excerpt()))
                    .build();
        }
    }
}
