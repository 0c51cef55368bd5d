package io.trailwatch.alert.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">}. A secret of the
 * form {@code whsec_<base64>} is used as the decoded bytes (the spec's format); any other string as its UTF-8 bytes.
 */
public final class StandardWebhookSigner {

    private static final String PREFIX = "whsec_";

    private StandardWebhookSigner() {
    }

    public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the webhook secret starts with whsec_ but the rest is not base64");
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Checks a secret when a channel is saved, so signing cannot fail later. */
    public static void validateSecret(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        if (key(secret).length < 16) {
            throw new IllegalArgumentException("the webhook secret is too short: use at least 16 bytes (Standard "
                    + "Webhooks: whsec_ followed by 24 to 64 random bytes in base64)");
        }
    }
}
