package io.trailwatch.query.service;

import io.trailwatch.common.rest.ApiException;
import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.ApiToken;
import io.trailwatch.query.repository.ApiTokenRepository;
import io.trailwatch.query.repository.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens for portals: {@code tw_<id>_<secret>}. The id finds the token; the secret (256 random bits) is checked
 * against its stored SHA-256 in constant time. A random secret that long needs no slow hash: it cannot be guessed,
 * and the stored hash does not reveal it.
 */
@ApplicationScoped
public class ApiTokenService {

    public static final String PREFIX = "tw_";
    private static final Set<String> ROLES = Set.of("viewer", "analyst", "admin");
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    /** last_used_at is written at most this often per token, so a busy portal does not write on every call. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** A token just created: the only moment its secret exists outside the caller's hands. */
    public record Created(ApiToken token, String secret) {
    }

    /** Who a valid token speaks for. */
    public record Holder(String tokenId, String name, String role) {
    }

    private final ApiTokenRepository tokens;
    private final QueryConfig.Auth config;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenService(ApiTokenRepository tokens, QueryConfig config) {
        this.tokens = tokens;
        this.config = config.auth();
    }

    @Transactional
    public Created create(String name, String role, Instant expiresAt, String createdBy) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.badRequest("'name' is required (1 to 200 characters): what the token is for");
        }
        if (role == null || !ROLES.contains(role)) {
            throw ApiException.badRequest("'role' must be one of viewer, analyst, admin, got '" + role + "'");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiry = expiresAt != null ? expiresAt : now.plus(config.tokenDefaultValidity());
        if (!expiry.isAfter(now)) {
            throw ApiException.badRequest("'expiresAt' must be in the future, got " + expiry);
        }
        if (expiry.isAfter(now.plus(config.tokenMaxValidity()))) {
            throw ApiException.badRequest("'expiresAt' may be at most " + config.tokenMaxValidity().toDays()
                    + " days ahead (trailwatch.query.auth.token-max-validity), got " + expiry);
        }
        ApiToken token = new ApiToken();
        token.tokenId = randomId();
        token.name = name.strip();
        token.role = role;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        token.secretHash = sha256(secretText);
        token.createdBy = createdBy;
        token.createdAt = now;
        token.expiresAt = expiry;
        tokens.persist(token);
        return new Created(token, PREFIX + token.tokenId + "_" + secretText);
    }

    @Transactional
    public List<ApiToken> page(Cursor after, int limit) {
        return tokens.page(after, limit);
    }

    /** Revokes a token at once; revoking twice is harmless. */
    @Transactional
    public ApiToken revoke(String tokenId, String revokedBy) {
        ApiToken token = tokens.findByIdOptional(tokenId)
                .orElseThrow(() -> ApiException.notFound("no API token with id '" + tokenId + "'"));
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
            token.revokedBy = revokedBy;
        }
        return token;
    }

    /** The holder of {@code presented} when it is a valid, unexpired, unrevoked token. */
    @Transactional
    public Optional<Holder> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int separator = presented.indexOf('_', PREFIX.length());
        if (separator < 0) {
            return Optional.empty();
        }
        String id = presented.substring(PREFIX.length(), separator);
        String secret = presented.substring(separator + 1);
        Optional<ApiToken> found = tokens.findByIdOptional(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Instant now = Instant.now();
        if (!MessageDigest.isEqual(token.secretHash, sha256(secret)) || token.revokedAt != null
                || !token.expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
            token.lastUsedAt = now;
        }
        return Optional.of(new Holder(token.tokenId, token.name, token.role));
    }

    private String randomId() {
        StringBuilder id = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
