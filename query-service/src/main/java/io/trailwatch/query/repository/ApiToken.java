package io.trailwatch.query.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An API token for portals. Only a SHA-256 of its secret part is stored. */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

    @Id
    @Column(name = "token_id")
    public String tokenId;
    public String name;
    public String role;
    @Column(name = "secret_hash")
    public byte[] secretHash;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoked_by")
    public String revokedBy;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
