package io.trailwatch.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The built-in users of local mode and their passwords. A password that is not configured is generated once per
 * start and printed, so a first start never needs setup and never ships a default password.
 */
@ApplicationScoped
public class LocalUsers {

    private static final Logger LOG = Logger.getLogger(LocalUsers.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final boolean enabled;
    private final Map<String, byte[]> passwords = new LinkedHashMap<>();

    public LocalUsers(LocalUsersConfig config) {
        this.enabled = config.localUsersEnabled();
        if (enabled) {
            register(Roles.ADMIN, config.adminPassword(), "TRAILWATCH_ADMIN_PASSWORD");
            register(Roles.ANALYST, config.analystPassword(), "TRAILWATCH_ANALYST_PASSWORD");
            register(Roles.VIEWER, config.viewerPassword(), "TRAILWATCH_VIEWER_PASSWORD");
        }
    }

    private void register(String user, Optional<String> configured, String variable) {
        String password = configured.filter(p -> !p.isBlank()).orElseGet(() -> {
            String generated = generate();
            LOG.warnf("%s is not set: generated password for local user '%s': %s", variable, user, generated);
            return generated;
        });
        passwords.put(user, password.getBytes(StandardCharsets.UTF_8));
    }

    /** The roles of {@code user} when the password is right; empty otherwise. Constant time in the password. */
    public Optional<Set<String>> authenticate(String user, char[] password) {
        if (!enabled) {
            return Optional.empty();
        }
        byte[] expected = passwords.get(user);
        byte[] given = new String(password).getBytes(StandardCharsets.UTF_8);
        if (expected == null || !MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        return Optional.of(Roles.expand(user));
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
