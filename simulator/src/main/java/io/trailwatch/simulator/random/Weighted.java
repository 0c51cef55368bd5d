package io.trailwatch.simulator.random;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** An immutable weighted choice; picking is a binary search over cumulative weights. */
public final class Weighted<T> {

    private final List<T> items;
    private final double[] cumulative;

    private Weighted(List<T> items, double[] cumulative) {
        this.items = items;
        this.cumulative = cumulative;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    public T pick(SplittableRandom rng) {
        double x = rng.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        i = i >= 0 ? i + 1 : -i - 1;
        return items.get(Math.min(i, items.size() - 1));
    }

    public static final class Builder<T> {
        private final List<T> items = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        public Builder<T> add(double weight, T item) {
            if (weight > 0) {
                items.add(item);
                weights.add(weight);
            }
            return this;
        }

        public Weighted<T> build() {
            if (items.isEmpty()) {
                throw new IllegalStateException("a weighted choice needs at least one item with a positive weight");
            }
            double[] cumulative = new double[weights.size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += weights.get(i);
                cumulative[i] = sum;
            }
            return new Weighted<>(List.copyOf(items), cumulative);
        }
    }
}
