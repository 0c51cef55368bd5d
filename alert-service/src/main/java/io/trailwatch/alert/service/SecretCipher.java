package io.trailwatch.alert.service;

import io.trailwatch.alert.config.AlertConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Encrypts channel secrets at rest with AES-256-GCM. The key comes from {@code trailwatch.alert.secret-key} or
 * {@code trailwatch.alert.secret-key-file}; without one, secrets cannot be stored (nothing is derived from anything
 * guessable). Each value is bound to its channel and field, and carries the id of the key that encrypted it, so a
 * wrong key is reported as such.
 */
@ApplicationScoped
public class SecretCipher {

    private static final Logger LOG = Logger.getLogger(SecretCipher.class);
    private static final String PREFIX = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final String NO_KEY = "no encryption key is configured: set TRAILWATCH_ALERT_SECRET_KEY to 32 random bytes "
            + "in base64 (openssl rand -base64 32) or TRAILWATCH_ALERT_SECRET_KEY_FILE to a file holding one, or "
            + "reference an environment variable instead: {\"fromEnv\": \"TRAILWATCH_SECRET_...\"}";

    private final SecureRandom random = new SecureRandom();
    private final Optional<SecretKey> key;
    private final String keyId;

    @Inject
    public SecretCipher(AlertConfig config) {
        this(config.secretKey(), config.secretKeyFile(), config.generateSecretKeyFile());
    }

    SecretCipher(Optional<String> secretKey, Optional<Path> secretKeyFile, boolean generate) {
        Optional<byte[]> raw = secretKey.filter(k -> !k.isBlank())
                .map(k -> decodeKey("trailwatch.alert.secret-key", k))
                .or(() -> secretKeyFile.map(f -> readKeyFile(f, generate)));
        this.key = raw.map(bytes -> new SecretKeySpec(bytes, "AES"));
        this.keyId = raw.map(SecretCipher::idOf).orElse(null);
        if (key.isEmpty()) {
            LOG.info("no secret key configured: channels can reference secrets from the environment only");
        }
    }

    public boolean available() {
        return key.isPresent();
    }

    /** Encrypts {@code plaintext} for {@code context} (channel and field); fails with {@link #NO_KEY} without a key. */
    public String encrypt(String plaintext, String context) {
        SecretKey k = key.orElseThrow(() -> new IllegalStateException(NO_KEY));
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + ":" + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret: " + e.getMessage(), e);
        }
    }

    /** Decrypts a value written by {@link #encrypt}; the message says why it cannot be read (never the value). */
    public String decrypt(String stored, String context) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new IllegalStateException("the stored secret of " + context + " is not in a known format");
        }
        SecretKey k = key.orElseThrow(() -> new IllegalStateException("the secret of " + context
                + " is encrypted, but no encryption key is configured (TRAILWATCH_ALERT_SECRET_KEY)"));
        if (!parts[1].equals(keyId)) {
            throw new IllegalStateException("the secret of " + context + " was encrypted with key " + parts[1]
                    + " but the configured key is " + keyId + ": restore the previous key or set the secret again");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the stored secret of " + context + " cannot be decrypted (tampered with, "
                    + "or copied from another channel)");
        }
    }

    private static byte[] decodeKey(String source, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64; generate a key with: openssl rand -base64 32");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(source + " must be 32 bytes in base64 (AES-256), got " + bytes.length
                    + " bytes; generate a key with: openssl rand -base64 32");
        }
        return bytes;
    }

    private byte[] readKeyFile(Path file, boolean generate) {
        try {
            if (!Files.exists(file) && generate) {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                    LOG.infof("generated a secret key for channel secrets in %s", file);
                } catch (FileAlreadyExistsException raced) {
                    // Another instance created it first: use theirs.
                }
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("trailwatch.alert.secret-key-file " + file + " does not exist");
            }
            return decodeKey("trailwatch.alert.secret-key-file " + file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trailwatch.alert.secret-key-file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String idOf(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
