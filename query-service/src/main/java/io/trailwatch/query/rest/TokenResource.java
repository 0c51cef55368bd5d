package io.trailwatch.query.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.identity.SecurityIdentity;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.ApiToken;
import io.trailwatch.query.repository.Cursor;
import io.trailwatch.query.service.ApiTokenService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tokens")
@Tag(name = "API tokens", description = "Tokens for internal portals: Authorization: Bearer tw_...")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TokenResource {

    public record NewToken(@Schema(required = true, description = "What the token is for") String name,
                           @Schema(required = true, enumeration = {"viewer", "analyst", "admin"}) String role,
                           @Schema(description = "ISO-8601; default now + 90 days, at most now + 365 days")
                           String expiresAt) {
    }

    /** A token as listed: never its secret. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Token(String id, String name, String role,
                        @Schema(enumeration = {"active", "expired", "revoked"}) String status, String createdBy,
                        Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedBy,
                        Instant lastUsedAt) {

        static Token of(ApiToken t) {
            String status = t.revokedAt != null ? "revoked" : t.expiresAt.isAfter(Instant.now()) ? "active" : "expired";
            return new Token(t.tokenId, t.name, t.role, status, t.createdBy, t.createdAt, t.expiresAt, t.revokedAt,
                    t.revokedBy, t.lastUsedAt);
        }
    }

    /** A token just created, with its value: shown this once and never again. */
    public record CreatedToken(String id, String name, String role, Instant createdAt, Instant expiresAt,
                               @Schema(description = "Send as 'Authorization: Bearer <token>'") String token) {
    }

    private final ApiTokenService tokens;
    private final SecurityIdentity identity;
    private final QueryConfig config;

    public TokenResource(ApiTokenService tokens, SecurityIdentity identity, QueryConfig config) {
        this.tokens = tokens;
        this.identity = identity;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API token", description = "The token value is in the response only; only a "
            + "hash of it is stored.")
    @APIResponse(responseCode = "201", description = "The token, with its value")
    public Response create(NewToken body) {
        if (body == null) {
            throw ApiException.badRequest("the body must be a JSON object with 'name', 'role' and optionally "
                    + "'expiresAt'");
        }
        ApiTokenService.Created created = tokens.create(body.name(), body.role(),
                QueryParams.instant("expiresAt", body.expiresAt()), identity.getPrincipal().getName());
        ApiToken t = created.token();
        return Response.status(201).entity(new CreatedToken(t.tokenId, t.name, t.role, t.createdAt, t.expiresAt,
                created.secret())).build();
    }

    @GET
    @Operation(summary = "List API tokens", description = "Newest first, without their values.")
    public Page<Token> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int size = QueryParams.limit(limit, config.search());
        List<ApiToken> rows = tokens.page(QueryParams.cursor(cursor), size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            ApiToken last = rows.get(size - 1);
            next = new Cursor(last.createdAt, last.tokenId).encode();
        }
        return new Page<>(rows.stream().map(Token::of).toList(), next);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API token", description = "Effective for the next request that uses it.")
    @APIResponse(responseCode = "200", description = "The token as revoked")
    @APIResponse(responseCode = "404", description = "No token has this id")
    public Token revoke(@PathParam("id") String id) {
        return Token.of(tokens.revoke(id, identity.getPrincipal().getName()));
    }
}
