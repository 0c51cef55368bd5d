package io.trailwatch.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The local users' passwords. Each comes from its environment variable, else from the data directory (so a
 * second start keeps the first one's), else is generated and saved there, readable by the owner only.
 */
public final class Credentials {

    public static final Map<String, String> VARIABLES = Map.of(
            "admin", "TRAILWATCH_ADMIN_PASSWORD",
            "analyst", "TRAILWATCH_ANALYST_PASSWORD",
            "viewer", "TRAILWATCH_VIEWER_PASSWORD");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Map<String, String> passwords;

    private Credentials(Map<String, String> passwords) {
        this.passwords = passwords;
    }

    public static Credentials load(Path dataDir, Map<String, String> environment) {
        Path file = dataDir.resolve("credentials.properties");
        Properties saved = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                saved.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        boolean changed = false;
        for (String user : new String[] {"admin", "analyst", "viewer"}) {
            String fromEnv = environment.get(VARIABLES.get(user));
            if (fromEnv != null && !fromEnv.isBlank()) {
                passwords.put(user, fromEnv);
            } else if (saved.getProperty(user) != null) {
                passwords.put(user, saved.getProperty(user));
            } else {
                String generated = generate();
                passwords.put(user, generated);
                saved.setProperty(user, generated);
                changed = true;
            }
        }
        if (changed) {
            save(file, saved);
        }
        return new Credentials(passwords);
    }

    private static void save(Path file, Properties saved) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                saved.store(out, "Trailwatch local users (generated); environment variables override them");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public String password(String user) {
        return passwords.get(user);
    }

    /** The variables every service needs to know the users. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        passwords.forEach((user, password) -> env.put(VARIABLES.get(user), password));
        return env;
    }
}
