package io.trailwatch.rules.engine.outlier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutlierBaselineTest {

    private static final long STEP = Duration.ofMinutes(5).toMillis();
    /** 2026-11-27T10:00:00Z, aligned to 5m and 1h. */
    private static final long T0 = 1_795_773_600_000L;

    private static List<OutlierVerdict> feed(OutlierParameters p, long... values) {
        OutlierBaseline baseline = new OutlierBaseline(p);
        List<OutlierVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            verdicts.add(baseline.next(T0 + i * p.sliceMillis(), values[i]));
        }
        return verdicts;
    }

    private static OutlierParameters window(int window) {
        return OutlierParameters.defaults().withWindow(window);
    }

    @Test
    void slicesWithFewerThanWindowPreviousSlicesHaveNoVerdict() {
        List<OutlierVerdict> v = feed(window(3), 100, 0, 100, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(v.get(i).mean()).isNull();
            assertThat(v.get(i).stddev()).isNull();
            assertThat(v.get(i).upper()).isNull();
            assertThat(v.get(i).lower()).isNull();
            assertThat(v.get(i).indicator()).isFalse();
            assertThat(v.get(i).violation()).isFalse();
            assertThat(v.get(i).hasBaseline()).isFalse();
        }
        assertThat(v.get(3).hasBaseline()).isTrue();
        assertThat(v.get(0).value()).isEqualTo(100);
        assertThat(v.get(1).sliceStart()).isEqualTo(T0 + STEP);
    }

    @Test
    void meanAndPopulationStddevOverThePreviousWindowExcludingTheCurrentSlice() {
        // Population stddev of 2,4,4,4,5,5,7,9 is exactly 2 (the sample stddev would be 2.14).
        OutlierVerdict v = feed(window(8), 2, 4, 4, 4, 5, 5, 7, 9, 1000).get(8);
        assertThat(v.mean()).isEqualTo(5.0);
        assertThat(v.stddev()).isEqualTo(2.0);
        assertThat(v.upper()).isEqualTo(11.0);
        assertThat(v.lower()).isEqualTo(-1.0);
        assertThat(v.value()).isEqualTo(1000);
        assertThat(v.indicator()).isTrue();
    }

    @Test
    void theWindowSlides() {
        List<OutlierVerdict> v = feed(window(2), 10, 20, 30, 40);
        assertThat(v.get(2).mean()).isEqualTo(15.0);
        assertThat(v.get(2).stddev()).isEqualTo(5.0);
        assertThat(v.get(3).mean()).isEqualTo(25.0);
    }

    @Test
    void zeroStddevMakesAnyChangeAnOutlier() {
        OutlierParameters p = window(3);
        OutlierVerdict same = feed(p, 5, 5, 5, 5).get(3);
        assertThat(same.stddev()).isEqualTo(0.0);
        assertThat(same.upper()).isEqualTo(5.0);
        assertThat(same.lower()).isEqualTo(5.0);
        assertThat(same.indicator()).isFalse();
        assertThat(feed(p, 5, 5, 5, 6).get(3).indicator()).isTrue();
        assertThat(feed(p, 5, 5, 5, 4).get(3).indicator()).isTrue();
        assertThat(feed(p, 0, 0, 0, 1).get(3).indicator()).isTrue();
    }

    @Test
    void directionSelectsTheSideOfTheBand() {
        OutlierParameters both = window(3);
        long[] spike = {5, 5, 5, 9};
        long[] drop = {5, 5, 5, 1};
        assertThat(feed(both, spike).get(3).indicator()).isTrue();
        assertThat(feed(both, drop).get(3).indicator()).isTrue();
        OutlierParameters up = both.withDirection(Direction.UP);
        assertThat(feed(up, spike).get(3).indicator()).isTrue();
        assertThat(feed(up, drop).get(3).indicator()).isFalse();
        OutlierParameters down = both.withDirection(Direction.DOWN);
        assertThat(feed(down, spike).get(3).indicator()).isFalse();
        assertThat(feed(down, drop).get(3).indicator()).isTrue();
    }

    @Test
    void thresholdIsInStandardDeviationsAndTheBandIsExclusive() {
        // Previous 2,4,4,4,5,5,7,9: mean 5, stddev 2.
        OutlierParameters p = window(8).withThreshold(2);
        assertThat(feed(p, 2, 4, 4, 4, 5, 5, 7, 9, 9).get(8).upper()).isEqualTo(9.0);
        assertThat(feed(p, 2, 4, 4, 4, 5, 5, 7, 9, 9).get(8).indicator()).isFalse();
        assertThat(feed(p, 2, 4, 4, 4, 5, 5, 7, 9, 10).get(8).indicator()).isTrue();
        assertThat(feed(p.withThreshold(0.5), 2, 4, 4, 4, 5, 5, 7, 9, 7).get(8).indicator()).isTrue();
        assertThat(feed(p.withThreshold(3), 2, 4, 4, 4, 5, 5, 7, 9, 10).get(8).indicator()).isFalse();
    }

    @Test
    void minCountSuppressesSmallSpikes() {
        OutlierParameters p = window(3).withMinCount(3);
        assertThat(feed(p, 0, 0, 0, 2).get(3).indicator()).isFalse();
        assertThat(feed(p, 0, 0, 0, 3).get(3).indicator()).isTrue();
        assertThat(feed(p.withMinCount(0), 0, 0, 0, 1).get(3).indicator()).isTrue();
        // minCount applies to drops too: a value below minCount is never an indicator.
        assertThat(feed(p.withDirection(Direction.DOWN), 10, 10, 10, 2).get(3).indicator()).isFalse();
        assertThat(feed(p.withDirection(Direction.DOWN), 10, 10, 10, 3).get(3).indicator()).isTrue();
    }

    @Test
    void consecutiveIndicatorsMakeAViolation() {
        OutlierParameters p = window(2).withThreshold(1).withConsecutive(2).withDirection(Direction.UP);
        // Previous values stay low-variance enough that each rising value is an indicator.
        List<OutlierVerdict> v = feed(p, 1, 1, 5, 20, 1, 1, 1, 8);
        assertThat(v).extracting(OutlierVerdict::indicator)
                .containsExactly(false, false, true, true, false, false, false, true);
        assertThat(v).extracting(OutlierVerdict::violation)
                .containsExactly(false, false, false, true, false, false, false, false);
        OutlierParameters one = p.withConsecutive(1);
        assertThat(feed(one, 1, 1, 5, 20, 1, 1, 1, 8)).extracting(OutlierVerdict::violation)
                .containsExactly(false, false, true, true, false, false, false, true);
        OutlierParameters three = p.withConsecutive(3);
        assertThat(feed(three, 1, 1, 5, 20, 100, 1)).extracting(OutlierVerdict::violation)
                .containsExactly(false, false, false, false, true, false);
    }

    @Test
    void skippedSlicesCountAsZero() {
        OutlierParameters p = window(3);
        OutlierBaseline baseline = new OutlierBaseline(p);
        baseline.next(T0, 6);
        OutlierVerdict afterGap = baseline.next(T0 + 3 * STEP, 9);
        assertThat(afterGap.mean()).isEqualTo(2.0);
        assertThat(afterGap.sliceStart()).isEqualTo(T0 + 3 * STEP);
        assertThat(baseline.lastSliceStart()).isEqualTo(T0 + 3 * STEP);
        // The gap slices also count towards the window: a verdict exists after one real slice and two empty ones.
        assertThat(afterGap.hasBaseline()).isTrue();
    }

    @Test
    void aLongGapLeavesAnAllZeroBaseline() {
        OutlierParameters p = window(3);
        OutlierBaseline baseline = new OutlierBaseline(p);
        baseline.next(T0, 50);
        OutlierVerdict v = baseline.next(T0 + 100_000 * STEP, 1);
        assertThat(v.mean()).isEqualTo(0.0);
        assertThat(v.stddev()).isEqualTo(0.0);
        assertThat(v.indicator()).isTrue();
    }

    @Test
    void skippingSlicesIsTheSameAsFeedingZeros() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            OutlierParameters p = window(1 + random.nextInt(6)).withConsecutive(1 + random.nextInt(3))
                    .withThreshold(random.nextInt(4)).withMinCount(random.nextInt(3))
                    .withDirection(Direction.values()[random.nextInt(3)]);
            OutlierBaseline sparse = new OutlierBaseline(p);
            OutlierBaseline dense = new OutlierBaseline(p);
            long slice = T0;
            for (int i = 0; i < 40; i++) {
                long value = random.nextInt(4) == 0 ? random.nextInt(30) : random.nextInt(4);
                OutlierVerdict s = sparse.next(slice, value);
                OutlierVerdict d = dense.next(slice, value);
                assertThat(s).isEqualTo(d);
                int gap = random.nextInt(5) == 0 ? random.nextInt(12) : 0;
                for (int g = 0; g < gap; g++) {
                    slice += STEP;
                    dense.next(slice, 0);
                }
                slice += STEP;
            }
        }
    }

    @Test
    void matchesAStraightforwardReferenceImplementation() {
        Random random = new Random(7);
        for (int round = 0; round < 100; round++) {
            OutlierParameters p = window(1 + random.nextInt(10)).withThreshold(random.nextDouble() * 4)
                    .withConsecutive(1 + random.nextInt(3)).withMinCount(random.nextInt(4))
                    .withDirection(Direction.values()[random.nextInt(3)]);
            long[] values = random.longs(60, 0, 12).toArray();
            List<OutlierVerdict> actual = feed(p, values);
            int run = 0;
            for (int i = 0; i < values.length; i++) {
                OutlierVerdict v = actual.get(i);
                boolean indicator = false;
                if (i >= p.window()) {
                    double mean = 0;
                    for (int k = i - p.window(); k < i; k++) {
                        mean += values[k];
                    }
                    mean /= p.window();
                    double var = 0;
                    for (int k = i - p.window(); k < i; k++) {
                        var += (values[k] - mean) * (values[k] - mean);
                    }
                    double sd = Math.sqrt(var / p.window());
                    assertThat(v.mean()).isCloseTo(mean, within(1e-9));
                    assertThat(v.stddev()).isCloseTo(sd, within(1e-9));
                    boolean above = values[i] > mean + p.threshold() * sd;
                    boolean below = values[i] < mean - p.threshold() * sd;
                    boolean side = switch (p.direction()) {
                        case UP -> above;
                        case DOWN -> below;
                        case BOTH -> above || below;
                    };
                    indicator = side && values[i] >= p.minCount();
                } else {
                    assertThat(v.mean()).isNull();
                }
                run = indicator ? run + 1 : 0;
                assertThat(v.indicator()).as("round %d slice %d", round, i).isEqualTo(indicator);
                assertThat(v.violation()).isEqualTo(indicator && run >= p.consecutive());
            }
        }
    }

    @Test
    void seasonalBaselineComparesTheSameHourOfPreviousWeeks() {
        OutlierParameters p = OutlierParameters.defaults().withTimeslice(Duration.ofHours(1)).withWindow(2)
                .withSeasonal(true);
        long hour = Duration.ofHours(1).toMillis();
        long week = Duration.ofDays(7).toMillis();
        OutlierBaseline baseline = new OutlierBaseline(p);
        // Three weeks of hourly values: 100 at hour 9 of each week, 1 otherwise.
        List<OutlierVerdict> verdicts = new ArrayList<>();
        for (long t = T0; t < T0 + 3 * week; t += hour) {
            long hourOfWeek = (t - T0) / hour % 168;
            verdicts.add(baseline.next(t, hourOfWeek == 9 ? (t >= T0 + 2 * week ? 100 : 90) : 1));
        }
        assertThat(verdicts.subList(0, 2 * 168)).noneMatch(OutlierVerdict::hasBaseline);
        OutlierVerdict busyHour = verdicts.get(2 * 168 + 9);
        assertThat(busyHour.mean()).isEqualTo(90.0);
        assertThat(busyHour.stddev()).isEqualTo(0.0);
        assertThat(busyHour.indicator()).isTrue();
        OutlierVerdict quietHour = verdicts.get(2 * 168 + 10);
        assertThat(quietHour.mean()).isEqualTo(1.0);
        assertThat(quietHour.indicator()).isFalse();
        // The same busy hour with a plain baseline of the previous hours would look like a huge spike.
        OutlierBaseline plain = new OutlierBaseline(p.withSeasonal(false));
        OutlierVerdict plainVerdict = null;
        for (long t = T0 + 2 * week; t <= T0 + 2 * week + 9 * hour; t += hour) {
            plainVerdict = plain.next(t, t == T0 + 2 * week + 9 * hour ? 100 : 1);
        }
        assertThat(plainVerdict.mean()).isEqualTo(1.0);
    }

    @Test
    void slicesMustBeAlignedInOrderAndNonNegative() {
        OutlierBaseline baseline = new OutlierBaseline(window(3));
        assertThatThrownBy(() -> baseline.next(T0 + 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slice start " + (T0 + 1) + " is not aligned to 5m");
        assertThatThrownBy(() -> baseline.next(T0, -1)).hasMessage("slice value must not be negative, was -1");
        baseline.next(T0, 1);
        assertThatThrownBy(() -> baseline.next(T0, 1)).hasMessage("slice " + T0 + " is not after the last slice " + T0);
        assertThatThrownBy(() -> baseline.next(T0 - STEP, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new OutlierBaseline(window(3)).lastSliceStart()).isNull();
    }

    @Test
    void aRestoredBaselineContinuesExactlyLikeAnUninterruptedOne() {
        OutlierParameters p = window(4).withConsecutive(2).withThreshold(1);
        long[] values = {3, 4, 3, 5, 4, 40, 60, 3, 4, 0, 0, 90};
        OutlierBaseline uninterrupted = new OutlierBaseline(p);
        List<OutlierVerdict> expected = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            expected.add(uninterrupted.next(T0 + i * STEP, values[i]));
        }
        for (int cut = 0; cut <= values.length; cut++) {
            OutlierBaseline first = new OutlierBaseline(p);
            List<OutlierVerdict> actual = new ArrayList<>();
            for (int i = 0; i < cut; i++) {
                actual.add(first.next(T0 + i * STEP, values[i]));
            }
            OutlierBaseline second = OutlierBaseline.restore(p, first.toBytes());
            assertThat(second.lastSliceStart()).isEqualTo(first.lastSliceStart());
            for (int i = cut; i < values.length; i++) {
                actual.add(second.next(T0 + i * STEP, values[i]));
            }
            assertThat(actual).as("cut at %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void savedBaselinesAreSmall() {
        OutlierParameters p = window(10);
        OutlierBaseline baseline = new OutlierBaseline(p);
        for (int i = 0; i < 1000; i++) {
            baseline.next(T0 + i * STEP, i % 3);
        }
        assertThat(baseline.toBytes()).hasSizeLessThan(32);
        OutlierBaseline hourly = new OutlierBaseline(p.withTimeslice(Duration.ofHours(1)).withSeasonal(true));
        for (int i = 0; i < 3000; i++) {
            hourly.next(T0 + i * 3_600_000L, i % 5);
        }
        assertThat(hourly.toBytes()).hasSizeLessThan(1700);
    }

    @Test
    void restoringWithAnotherWindowKeepsTheNewestValues() {
        OutlierBaseline saved = new OutlierBaseline(window(5));
        for (int i = 0; i < 5; i++) {
            saved.next(T0 + i * STEP, 10 * (i + 1));
        }
        byte[] bytes = saved.toBytes();
        OutlierVerdict smaller = OutlierBaseline.restore(window(2), bytes).next(T0 + 5 * STEP, 0);
        assertThat(smaller.mean()).isEqualTo(45.0);
        OutlierVerdict larger = OutlierBaseline.restore(window(8), bytes).next(T0 + 5 * STEP, 0);
        assertThat(larger.hasBaseline()).isFalse();
    }

    @Test
    void corruptSavedBaselinesAreRejected() {
        OutlierParameters p = window(3);
        assertThatThrownBy(() -> OutlierBaseline.restore(p, new byte[] {9, 0}))
                .hasMessageStartingWith("not a saved outlier baseline (unknown format 9)");
        byte[] good = new OutlierBaseline(p).toBytes();
        assertThatThrownBy(() -> OutlierBaseline.restore(p, Arrays.copyOf(good, 4)))
                .hasMessage("not a saved outlier baseline (truncated)");
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> OutlierBaseline.restore(p, longer)).hasMessageContaining("trailing bytes");
        assertThat(OutlierBaseline.restore(p, good).lastSliceStart()).isNull();
    }
}
