package io.trailwatch.alert.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.service.DeliveryPump;
import io.trailwatch.alert.service.ResolutionService;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/findings")
@Tag(name = "Findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FindingResolutionResource {

    private final ResolutionService resolutions;
    private final DeliveryPump pump;
    private final ActingUser actingUser;
    private final RequestJson json;

    public FindingResolutionResource(ResolutionService resolutions, DeliveryPump pump, ActingUser actingUser,
                RequestJson json) {
        this.resolutions = resolutions;
        this.pump = pump;
        this.actingUser = actingUser;
        this.json = json;
    }

    @POST
    @Path("/{findingId}/resolved")
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Report a finding resolved", description = "For query-service when triage resolves a "
            + "finding. Optional body {\"resolvedBy\": \"alice\", \"comment\": \"...\"} (resolvedBy defaults to the "
            + "caller). Idempotent. Groups that notified the finding report the resolution at their next flush "
            + "(PagerDuty resolve, Opsgenie close, Jira comment, ServiceNow work note, webhook status resolved).")
    public ObjectNode resolved(@PathParam("findingId") String findingId, String text) {
        String by = actingUser.name();
        String comment = null;
        JsonNode body = json.parse(text);
        if (body != null) {
            if (!body.isObject()) {
                throw ApiException.badRequest("the body must be a JSON object such as {\"comment\": \"...\"}");
            }
            by = text(body, "resolvedBy", by);
            comment = text(body, "comment", null);
        }
        ObjectNode result = resolutions.resolve(findingId, by, comment);
        pump.wake();
        return result;
    }

    private static String text(JsonNode body, String field, String defaultValue) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isTextual() || node.asText().length() > 1000) {
            throw ApiException.badRequest("'" + field + "' must be a string of at most 1000 characters");
        }
        return node.asText();
    }
}
