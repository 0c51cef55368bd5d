package io.trailwatch.query.config;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A random key for the form-login session cookie when none is configured, below every other source. Quarkus would
 * otherwise generate one too, but print it in the log; a secret never goes to the log. Several replicas sharing
 * sessions need the same key: set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY (at least 16 characters).
 */
public class SessionKeyConfigSource implements ConfigSource {

    private static final String KEY = "quarkus.http.auth.session.encryption-key";
    private final String value;

    public SessionKeyConfigSource() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.value = Base64.getEncoder().encodeToString(key);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, value);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? value : null;
    }

    @Override
    public String getName() {
        return "trailwatch-session-key";
    }

    @Override
    public int getOrdinal() {
        return 10;
    }
}
