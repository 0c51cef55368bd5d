package io.trailwatch.query.repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Where a page ended: the time and id of its last row, as an opaque string for the API. */
public record Cursor(Instant time, String id) {

    public String encode() {
        String raw = time.getEpochSecond() + "." + time.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor from the API; a cursor that this service did not produce is refused. */
    public static Cursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            int dot = raw.indexOf('.');
            if (colon < 0 || dot < 0 || dot > colon) {
                throw new IllegalArgumentException("malformed");
            }
            Instant time = Instant.ofEpochSecond(Long.parseLong(raw.substring(0, dot)),
                    Long.parseLong(raw.substring(dot + 1, colon)));
            return new Cursor(time, raw.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor '" + encoded + "' is not a cursor returned by this API", e);
        }
    }
}
