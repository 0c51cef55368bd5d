package io.trailwatch.alert.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210"
            .getBytes());

    @Test
    void roundTripsAndNeverStoresTheValueInClear() {
        SecretCipher cipher = new SecretCipher(Optional.of(KEY), Optional.empty(), false);
        String stored = cipher.encrypt("xoxb-secret", "channel 'a' field 'b'");
        assertThat(stored).startsWith("v1:").doesNotContain("xoxb");
        assertThat(cipher.encrypt("xoxb-secret", "channel 'a' field 'b'")).isNotEqualTo(stored);
        assertThat(cipher.decrypt(stored, "channel 'a' field 'b'")).isEqualTo("xoxb-secret");
    }

    @Test
    void aValueMovedToAnotherChannelOrTamperedWithDoesNotDecrypt() {
        SecretCipher cipher = new SecretCipher(Optional.of(KEY), Optional.empty(), false);
        String stored = cipher.encrypt("xoxb-secret", "channel 'a' field 'b'");
        assertThatThrownBy(() -> cipher.decrypt(stored, "channel 'evil' field 'b'"))
                .hasMessageContaining("cannot be decrypted").hasMessageNotContaining("xoxb");
        String tampered = stored.substring(0, stored.length() - 4) + "AAAA";
        assertThatThrownBy(() -> cipher.decrypt(tampered, "channel 'a' field 'b'")).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void aDifferentKeyIsNamedAsTheReason() {
        String stored = new SecretCipher(Optional.of(KEY), Optional.empty(), false).encrypt("x", "c");
        assertThatThrownBy(() -> new SecretCipher(Optional.of(OTHER_KEY), Optional.empty(), false).decrypt(stored, "c"))
                .hasMessageContaining("was encrypted with key").hasMessageContaining("restore the previous key");
    }

    @Test
    void withoutAKeyNothingCanBeStored() {
        SecretCipher cipher = new SecretCipher(Optional.empty(), Optional.empty(), false);
        assertThat(cipher.available()).isFalse();
        assertThatThrownBy(() -> cipher.encrypt("x", "c")).hasMessageContaining("TRAILWATCH_ALERT_SECRET_KEY")
                .hasMessageContaining("fromEnv");
    }

    @Test
    void badKeysAreRefusedWithHowToMakeOne() {
        assertThatThrownBy(() -> new SecretCipher(Optional.of("c2hvcnQ="), Optional.empty(), false))
                .hasMessageContaining("must be 32 bytes").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new SecretCipher(Optional.of("not base64!"), Optional.empty(), false))
                .hasMessageContaining("is not base64");
    }

    @Test
    void aKeyFileIsGeneratedOnlyWhenAskedOwnerOnlyAndReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alert").resolve("secret.key");
        assertThatThrownBy(() -> new SecretCipher(Optional.empty(), Optional.of(file), false))
                .hasMessageContaining("does not exist");
        String stored = new SecretCipher(Optional.empty(), Optional.of(file), true).encrypt("x", "c");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new SecretCipher(Optional.empty(), Optional.of(file), true).decrypt(stored, "c")).isEqualTo("x");
    }
}
