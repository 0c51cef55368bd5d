package io.trailwatch.collector.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentEventIdsTest {

    @Test
    void remembersAtLeastCapacityOfTheMostRecentIds() {
        RecentEventIds recent = new RecentEventIds(1000);
        long[] hashes = new long[5000];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = RecentEventIds.hash(UUID.randomUUID().toString());
            recent.add(hashes[i]);
        }
        for (int i = hashes.length - 1000; i < hashes.length; i++) {
            assertThat(recent.contains(hashes[i])).as("id %d of the last 1000", i).isTrue();
        }
        int remembered = 0;
        for (long hash : hashes) {
            remembered += recent.contains(hash) ? 1 : 0;
        }
        assertThat(remembered).as("bounded: at most two generations").isLessThanOrEqualTo(2000);
        assertThat(recent.contains(hashes[0])).as("the oldest are forgotten").isFalse();
    }

    @Test
    void checksAWholeBatchAtOnce() {
        RecentEventIds recent = new RecentEventIds(100);
        long a = RecentEventIds.hash("a");
        long b = RecentEventIds.hash("b");
        long c = RecentEventIds.hash("c");
        recent.addAll(new long[] {a, c});
        assertThat(recent.containsEach(new long[] {a, b, c, b}, 3)).containsExactly(true, false, true);
        assertThat(new RecentEventIds(0).containsEach(new long[] {a}, 1)).containsExactly(false);
    }

    @Test
    void knowsNothingItWasNotToldAndNothingWhenTurnedOff() {
        RecentEventIds recent = new RecentEventIds(10);
        recent.add(RecentEventIds.hash("a"));
        assertThat(recent.contains(RecentEventIds.hash("b"))).isFalse();
        RecentEventIds off = new RecentEventIds(0);
        off.add(RecentEventIds.hash("a"));
        assertThat(off.contains(RecentEventIds.hash("a"))).isFalse();
        assertThatThrownBy(() -> new RecentEventIds(-1)).hasMessageContaining("dedup capacity");
    }

    @Test
    void hashesDistinctIdsApartAndTheSameIdAlike() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            assertThat(seen.add(RecentEventIds.hash("event-" + i))).isTrue();
        }
        assertThat(RecentEventIds.hash("3b5c2a8e-7f41-4d0e-9a6b-2c1d8e4f7a90"))
                .isEqualTo(RecentEventIds.hash(new String("3b5c2a8e-7f41-4d0e-9a6b-2c1d8e4f7a90")))
                .isNotZero();
    }
}
