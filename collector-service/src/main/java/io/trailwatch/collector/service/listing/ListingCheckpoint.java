package io.trailwatch.collector.service.listing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * How far the listing of one prefix got: every key up to {@code settled} (inclusive) is read, and so are the keys
 * in {@code recent}, which come after it but were modified too recently to rule out a smaller key still appearing.
 * The value of the checkpoint topic; key = source, bucket and prefix.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingCheckpoint(String settled, List<String> recent, Instant updatedAt) {

    public ListingCheckpoint {
        recent = recent == null ? List.of() : List.copyOf(recent);
    }
}
