package io.trailwatch.simulator.delivery;

import io.trailwatch.simulator.random.Seeds;

import java.util.SplittableRandom;

/**
 * When CloudTrail delivers a record: each account/region stream publishes a file about every 5 minutes (a fixed
 * phase per stream plus up to 20 s of jitter), and a record goes into the first file published after it has been
 * processed, 30 s to a few minutes after the call. About 2.5% of background records take 5–15 minutes longer.
 * Scenario records are punctual: never the long delay, and at most 3 minutes of processing, so a scenario started
 * in the first three minutes is delivered within 15.
 */
public final class DeliveryModel {

    public static final long INTERVAL_SECONDS = 300;
    static final long JITTER_SECONDS = 20;
    private static final long TICK = Seeds.label("tick");

    private final long seed;
    private final long[] phase;

    public DeliveryModel(long seed, int streams) {
        this.seed = seed;
        this.phase = new long[streams];
        for (int s = 0; s < streams; s++) {
            phase[s] = Math.floorMod(Seeds.derive(seed, Seeds.label("phase"), s), INTERVAL_SECONDS);
        }
    }

    /** Seconds from the call until the record is ready to be published. */
    public long processingDelay(boolean punctual, SplittableRandom rng) {
        long delay = 30 + rng.nextInt(punctual ? 150 : 210);
        if (!punctual && rng.nextInt(1000) < 25) {
            delay += 300 + rng.nextInt(600);
        }
        return delay;
    }

    /** The first publication time of the stream at or after {@code notBefore}. */
    public long deliveryAtOrAfter(int stream, long notBefore) {
        long k = Math.floorDiv(notBefore - phase[stream] - JITTER_SECONDS, INTERVAL_SECONDS);
        while (true) {
            long at = tick(stream, k);
            if (at >= notBefore) {
                return at;
            }
            k++;
        }
    }

    private long tick(int stream, long k) {
        long jitter = Math.floorMod(Seeds.derive(seed, TICK, stream, k), 2 * JITTER_SECONDS + 1)
                - JITTER_SECONDS;
        return phase[stream] + k * INTERVAL_SECONDS + jitter;
    }
}
