package io.trailwatch.simulator.traffic;

import java.util.SplittableRandom;

/** Poisson-distributed counts: exact for small means, normal approximation above. */
final class Poisson {

    private Poisson() {
    }

    static long draw(SplittableRandom rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double product = rng.nextDouble();
            long k = 0;
            while (product > limit) {
                product *= rng.nextDouble();
                k++;
            }
            return k;
        }
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
    }
}
