package io.trailwatch.collector.service.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixProgressTest {

    private static final String P = "AWSLogs/111122223333/CloudTrail/us-east-1/";

    @Test
    void startsAtTheStartDateWithoutACheckpoint() {
        PrefixProgress progress = new PrefixProgress(null, P + "2026/11/27", 10);
        assertThat(progress.startAfter()).isEqualTo(P + "2026/11/27");
        assertThat(progress.isRead(P + "2026/11/26/f.json.gz")).isTrue();
        assertThat(progress.isRead(P + "2026/11/27/f.json.gz")).isFalse();
    }

    @Test
    void settlesPastOldKeysAndRemembersRecentOnesOneByOne() {
        PrefixProgress progress = new PrefixProgress(null, P + "2026/11/27", 10);
        progress.beginPass();
        assertThat(progress.read(P + "2026/11/27/a", true)).isTrue();
        assertThat(progress.read(P + "2026/11/27/b", true)).isTrue();
        assertThat(progress.read(P + "2026/11/27/d", false)).isTrue();
        assertThat(progress.read(P + "2026/11/27/e", true)).as("after a recent key nothing settles").isTrue();

        ListingCheckpoint checkpoint = progress.checkpoint(Instant.EPOCH);
        assertThat(checkpoint.settled()).isEqualTo(P + "2026/11/27/b");
        assertThat(checkpoint.recent()).containsExactly(P + "2026/11/27/d", P + "2026/11/27/e");

        // Next pass: a smaller key appeared in the meantime; it is not read yet, the others are.
        PrefixProgress next = new PrefixProgress(checkpoint, P + "2026/11/27", 10);
        assertThat(next.startAfter()).isEqualTo(P + "2026/11/27/b");
        assertThat(next.isRead(P + "2026/11/27/c")).isFalse();
        assertThat(next.isRead(P + "2026/11/27/d")).isTrue();
        next.beginPass();
        next.read(P + "2026/11/27/c", true);
        next.read(P + "2026/11/27/d", true);
        next.read(P + "2026/11/27/e", true);
        assertThat(next.checkpoint(Instant.EPOCH).settled()).isEqualTo(P + "2026/11/27/e");
        assertThat(next.checkpoint(Instant.EPOCH).recent()).isEmpty();
    }

    @Test
    void keepsTheCheckpointSmallBySettlingPastTheOldestWhenTooManyAreRemembered() {
        PrefixProgress progress = new PrefixProgress(new ListingCheckpoint(P + "a", List.of(), null), P, 2);
        progress.beginPass();
        progress.read(P + "b", false);
        progress.read(P + "c", false);
        progress.read(P + "d", false);
        assertThat(progress.forcedSettles()).isEqualTo(1);
        assertThat(progress.startAfter()).isEqualTo(P + "b");
        assertThat(progress.checkpoint(Instant.EPOCH).recent()).containsExactly(P + "c", P + "d");
    }

    @Test
    void ignoresRememberedKeysAtOrBeforeTheSettledOne() {
        PrefixProgress progress = new PrefixProgress(new ListingCheckpoint(P + "m", List.of(P + "a", P + "z"), null),
                P, 10);
        assertThat(progress.checkpoint(Instant.EPOCH).recent()).containsExactly(P + "z");
        assertThat(progress.read(P + "b", true)).isFalse();
    }
}
