package io.trailwatch.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Deterministic finding ids: the same rule on the same event, or the same detector on the same group
 * and slice, always yields the same id, on any instance and after any restart.
 */
public final class FindingIds {

    private FindingIds() {
    }

    public static String forEvent(String ruleId, String eventID) {
        return "f-" + hash16(ruleId + '\n' + eventID);
    }

    public static String forSlice(String detectorId, String group, Instant sliceStart) {
        return "f-" + hash16(detectorId + '\n' + group + '\n' + sliceStart.getEpochSecond());
    }

    private static String hash16(String input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
