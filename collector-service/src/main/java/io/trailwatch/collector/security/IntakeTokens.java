package io.trailwatch.collector.security;

import io.trailwatch.collector.config.CollectorConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The API tokens that may push files into the HTTP intake. Only their SHA-256 hashes are kept; a presented token
 * is hashed and compared with each in constant time. A token is known by a label made of the first hex digits of
 * its hash, which is safe to log and to carry as the records' source. A bad entry stops the start with a message
 * saying what is wrong.
 */
@ApplicationScoped
@Startup
public class IntakeTokens {

    static final int MIN_LENGTH = 16;
    private static final String HASHED = "sha256:";

    private final List<byte[]> hashes = new ArrayList<>();

    @Inject
    public IntakeTokens(CollectorConfig config) {
        this(config.intakeTokens().orElse(List.of()));
    }

    IntakeTokens(List<String> entries) {
        for (String entry : entries) {
            String value = entry.strip();
            if (value.isEmpty()) {
                continue;
            }
            hashes.add(value.startsWith(HASHED) ? parseHash(value) : plain(value));
        }
    }

    private static byte[] parseHash(String entry) {
        String hex = entry.substring(HASHED.length());
        try {
            byte[] hash = HexFormat.of().parseHex(hex);
            if (hash.length == 32) {
                return hash;
            }
        } catch (IllegalArgumentException e) {
            // Reported below with the expected form.
        }
        throw new IllegalArgumentException("trailwatch.collector.intake-tokens: '" + HASHED + "...' must be followed "
                + "by the 64 hex digits of a SHA-256 hash (e.g. from: printf %s \"$TOKEN\" | sha256sum)");
    }

    private static byte[] plain(String token) {
        if (token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("trailwatch.collector.intake-tokens: a token must have at least "
                    + MIN_LENGTH + " characters (one has " + token.length() + ")");
        }
        return sha256(token);
    }

    /** The label of the configured token equal to {@code token}, if any. */
    public Optional<String> match(String token) {
        byte[] presented = sha256(token);
        boolean found = false;
        for (byte[] hash : hashes) {
            // Compare with every hash, so the time taken does not tell which one (if any) matched.
            found |= MessageDigest.isEqual(hash, presented);
        }
        return found ? Optional.of(label(presented)) : Optional.empty();
    }

    static String label(byte[] hash) {
        return "token-" + HexFormat.of().formatHex(hash, 0, 4);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
