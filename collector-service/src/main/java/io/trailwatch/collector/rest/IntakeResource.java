package io.trailwatch.collector.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.trailwatch.collector.service.InputRejectedException;
import io.trailwatch.collector.service.IntakeResult;
import io.trailwatch.collector.service.IntakeService;
import io.trailwatch.collector.service.KafkaUnavailableException;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/intake")
@Tag(name = "Intake")
public class IntakeResource {

    private final IntakeService intake;
    private final SecurityIdentity identity;

    public IntakeResource(IntakeService intake, SecurityIdentity identity) {
        this.intake = intake;
        this.identity = identity;
    }

    @POST
    @Path("/cloudtrail")
    @RolesAllowed(Roles.INGEST)
    @Consumes({MediaType.APPLICATION_JSON, "application/gzip", "application/x-gzip", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload one CloudTrail log file",
            description = "The body is one log file exactly as AWS writes it to S3: {\"Records\":[...]}, plain or "
                    + "gzip (Content-Encoding: gzip, or a .json.gz body). Each record is published verbatim. Records "
                    + "that are not CloudTrail records are refused one by one and reported; a body that is not a "
                    + "CloudTrail file is refused as a whole. Records whose eventID was published recently are "
                    + "dropped as duplicates. Authenticate with an API token (Authorization: Bearer) or a user "
                    + "with the ingest role.")
    @APIResponse(responseCode = "202",
            description = "Published: {\"records\": N, \"rejected\": M, \"duplicates\": D, \"problems\": [...]}")
    @APIResponse(responseCode = "400", description = "Not a CloudTrail log file; the message says what is wrong")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable; retry later")
    public Response upload(InputStream body, @HeaderParam("Content-Encoding") String contentEncoding,
                           @HeaderParam("Content-Type") String contentType) {
        boolean gzip = "gzip".equalsIgnoreCase(contentEncoding)
                || (contentType != null && contentType.toLowerCase().contains("gzip"));
        String source = "http-upload:" + identity.getPrincipal().getName();
        try {
            IntakeResult result = intake.ingest(body, source, gzip);
            return Response.accepted(result).build();
        } catch (InputRejectedException e) {
            throw new ApiException(400, e.reason().code(), e.getMessage());
        } catch (KafkaUnavailableException e) {
            throw new ApiException(503, "unavailable", e.getMessage());
        }
    }
}
