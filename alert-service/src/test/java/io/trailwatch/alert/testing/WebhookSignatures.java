package io.trailwatch.alert.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verifies Standard Webhooks signatures the way a receiver would, independently of the sender's code. */
public final class WebhookSignatures {

    private WebhookSignatures() {
    }

    public static boolean valid(String whsecSecret, Receiver.Request request) {
        try {
            byte[] key = Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signedContent = (request.header("webhook-id") + "." + request.header("webhook-timestamp") + ".")
                    .getBytes(StandardCharsets.UTF_8);
            mac.update(signedContent);
            byte[] expected = mac.doFinal(request.rawBody());
            for (String signature : request.header("webhook-signature").split(" ")) {
                String[] parts = signature.split(",", 2);
                if (parts[0].equals("v1") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
