package io.trailwatch.rules.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.trailwatch.contracts.Category;
import io.trailwatch.contracts.Finding;
import io.trailwatch.contracts.FindingIds;
import io.trailwatch.contracts.OutlierDetails.Contributor;
import io.trailwatch.contracts.SeriesPoint;
import io.trailwatch.contracts.Severity;
import io.trailwatch.rules.service.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event-time outlier detection through the whole topology: a detector on failed console sign-ins per account
 * with 5-minute slices, a 3-slice window, threshold 2, spikes only, at least 3 events, and a 10-minute grace.
 */
class OutlierTopologyTest {

    static final String DETECTOR_ID = "outlier-test-failures";
    static final String SERIES = DETECTOR_ID + "|" + Records.ACCOUNT;
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path customDir;
    private RuleCatalog catalog;
    private final List<TopologyHarness> harnesses = new ArrayList<>();

    @BeforeEach
    void detector() throws Exception {
        Path detectors = Files.createDirectories(customDir.resolve("detectors"));
        Files.writeString(detectors.resolve("test.yml"), """
                id: outlier-test-failures
                title: "Outlier: test failures"
                severity: high
                rule: cis-console-auth-failures
                groupBy: accountId
                timeslice: 5m
                window: 3
                threshold: 2
                direction: "+"
                minCount: 3
                """);
        // The built-in detector (window 10) would add its own series; these tests look at one detector.
        catalog = new RuleCatalog(Optional.empty(), Optional.of(customDir), Optional.empty(), Set.of(),
                Set.of("outlier-console-auth-failures"));
    }

    @AfterEach
    void stop() {
        harnesses.forEach(TopologyHarness::close);
    }

    private TopologyHarness start() {
        TopologyHarness harness = new TopologyHarness(catalog, TestConfigs.rules(Map.of(
                "trailwatch.rules.outliers.grace", "10m")));
        harnesses.add(harness);
        return harness;
    }

    private static Instant slice(int n, int second) {
        return T0.plus(Duration.ofMinutes(5L * n)).plusSeconds(second);
    }

    /** One failure in each of slices 0-2, then five in slice 3: a spike against a flat baseline of 1. */
    private static List<String> spike() {
        List<String> records = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            records.add(Records.failedSignIn("base-" + n, slice(n, 30)));
        }
        String[] ips = {"117.140.207.172", "117.140.207.172", "117.140.207.172", "81.2.69.160", "10.0.0.9"};
        for (int i = 0; i < 5; i++) {
            records.add(Records.failedSignIn("spike-" + i, slice(3, 10 + i * 20), Records.ACCOUNT,
                    i < 4 ? "alice" : "bob", ips[i]));
        }
        return records;
    }

    @Test
    void aSpikeAboveTheBaselineIsOneFindingAndEveryClosedSliceIsAPoint() {
        TopologyHarness harness = start();
        spike().forEach(harness::send);
        harness.send(Records.benign("later", T0.plus(Duration.ofMinutes(60))));

        List<SeriesPoint> points = harness.points();
        assertThat(points).extracting(SeriesPoint::bucketStart).containsExactly(slice(0, 0), slice(1, 0),
                slice(2, 0), slice(3, 0), slice(4, 0), slice(5, 0), slice(6, 0));
        assertThat(points).extracting(SeriesPoint::value).containsExactly(1L, 1L, 1L, 5L, 0L, 0L, 0L);
        assertThat(points).allSatisfy(p -> {
            assertThat(p.seriesId()).isEqualTo(SERIES);
            assertThat(p.bucketSeconds()).isEqualTo(300);
        });
        assertThat(points.subList(0, 3)).allSatisfy(p -> {
            assertThat(p.mean()).isNull();
            assertThat(p.outlier()).isFalse();
        });
        SeriesPoint spike = points.get(3);
        assertThat(spike.mean()).isEqualTo(1.0);
        assertThat(spike.stddev()).isEqualTo(0.0);
        assertThat(spike.upper()).isEqualTo(1.0);
        assertThat(spike.outlier()).isTrue();
        assertThat(spike.violation()).isTrue();
        assertThat(points.get(6).mean()).isCloseTo(5.0 / 3, within(1e-9));
        assertThat(points).filteredOn(SeriesPoint::violation).hasSize(1);

        List<Finding> outliers = harness.findings().stream().filter(f -> f.ruleId().equals(DETECTOR_ID)).toList();
        assertThat(outliers).hasSize(1);
        Finding finding = outliers.get(0);
        assertThat(finding.findingId()).isEqualTo(FindingIds.forSlice(DETECTOR_ID, Records.ACCOUNT, slice(3, 0)));
        assertThat(finding.category()).isEqualTo(Category.OUTLIER);
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.accountId()).isEqualTo(Records.ACCOUNT);
        assertThat(finding.eventTime()).isEqualTo(slice(3, 0));
        assertThat(finding.event()).isNull();
        assertThat(finding.summary()).startsWith("5 cis-console-auth-failures matches for accountId 111122223333 in "
                + "the 5m slice from 2026-11-27T10:15:00Z, expected at most 1.0 (mean 1.0), mostly from CN");
        assertThat(finding.outlier().value()).isEqualTo(5);
        assertThat(finding.outlier().sliceEnd()).isEqualTo(slice(4, 0));
        assertThat(finding.outlier().upper()).isEqualTo(1.0);
        assertThat(finding.outlier().topCountries()).containsExactly(new Contributor("CN", 3),
                new Contributor("GB", 1));
        assertThat(finding.outlier().topSourceIPs()).containsExactly(new Contributor("117.140.207.172", 3),
                new Contributor("10.0.0.9", 1), new Contributor("81.2.69.160", 1));
        assertThat(finding.outlier().topPrincipals()).containsExactly(
                new Contributor("arn:aws:iam::111122223333:user/alice", 4),
                new Contributor("arn:aws:iam::111122223333:user/bob", 1));
        assertThat(harness.counter("trailwatch.rules.outlier.violations", "detector", DETECTOR_ID)).isEqualTo(1);
        assertThat(harness.counter("trailwatch.rules.outlier.slices", "detector", DETECTOR_ID)).isEqualTo(7);
    }

    @Test
    void outOfOrderRecordsWithinTheGracePeriodGiveTheSameSeriesAndFindings() {
        TopologyHarness inOrder = start();
        spike().forEach(inOrder::send);
        inOrder.send(Records.benign("later", T0.plus(Duration.ofMinutes(60))));

        // Newest first within slice 3, older slices after newer ones, but each before its slice closes (the
        // slice-0 record before event time reaches 10:15, when that slice closes).
        List<String> all = spike();
        List<String> outOfOrderRecords = List.of(all.get(2), all.get(0), all.get(6), all.get(3), all.get(1),
                all.get(7), all.get(5), all.get(4));
        TopologyHarness outOfOrder = start();
        outOfOrderRecords.forEach(outOfOrder::send);
        outOfOrder.send(Records.benign("later", T0.plus(Duration.ofMinutes(60))));

        assertThat(outOfOrder.points()).isEqualTo(inOrder.points());
        assertThat(outOfOrder.findings().stream().filter(f -> f.ruleId().equals(DETECTOR_ID))
                .map(f -> f.outlier()).toList())
                .isEqualTo(inOrder.findings().stream().filter(f -> f.ruleId().equals(DETECTOR_ID))
                        .map(f -> f.outlier()).toList());
        assertThat(outOfOrder.counter("trailwatch.rules.outlier.late", "detector", DETECTOR_ID)).isZero();
    }

    @Test
    void recordsLaterThanTheGracePeriodAreCountedAsLateNotInTheSeries() {
        TopologyHarness harness = start();
        spike().forEach(harness::send);
        // Event time reaches 10:31, so slice 1 (10:05-10:10, closes 10:20) and slice 3 (closes 10:30) are closed.
        harness.send(Records.benign("b", slice(6, 60)));
        harness.send(Records.failedSignIn("late-1", slice(1, 40)));
        harness.send(Records.failedSignIn("late-2", slice(3, 200)));
        // Slice 4 (closes 10:35) is still open.
        harness.send(Records.failedSignIn("in-time", slice(4, 5)));
        harness.send(Records.benign("later", T0.plus(Duration.ofMinutes(60))));

        List<SeriesPoint> points = harness.points();
        assertThat(points).extracting(SeriesPoint::value).containsExactly(1L, 1L, 1L, 5L, 1L, 0L, 0L, 0L);
        assertThat(harness.counter("trailwatch.rules.outlier.late", "detector", DETECTOR_ID)).isEqualTo(2);
        // Late records are still evaluated by the rules.
        assertThat(harness.findings()).extracting(Finding::eventID).contains("late-1", "late-2");
    }

    @Test
    void gapsCountZeroAndAQuietSeriesGoesDormantUntilItsNextEvent() {
        TopologyHarness harness = start();
        for (int i = 0; i < 2; i++) {
            harness.send(Records.failedSignIn("a-" + i, slice(0, 10 + i)));
            harness.send(Records.failedSignIn("b-" + i, slice(2, 10 + i)));
        }
        // Long quiet, then three failures in slice 12.
        for (int i = 0; i < 3; i++) {
            harness.send(Records.failedSignIn("c-" + i, slice(12, 10 + i)));
        }
        harness.send(Records.benign("later", slice(20, 0)));

        List<SeriesPoint> points = harness.points();
        assertThat(points).extracting(SeriesPoint::bucketStart).containsExactly(slice(0, 0), slice(1, 0),
                slice(2, 0), slice(3, 0), slice(4, 0), slice(5, 0), slice(12, 0), slice(13, 0), slice(14, 0),
                slice(15, 0));
        assertThat(points).extracting(SeriesPoint::value).containsExactly(2L, 0L, 2L, 0L, 0L, 0L, 3L, 0L, 0L, 0L);
        // Slice 5 closes the 3-slice window after the last event; the gap 6-11 is zeros in the baseline.
        SeriesPoint afterGap = points.get(6);
        assertThat(afterGap.mean()).isEqualTo(0.0);
        assertThat(afterGap.upper()).isEqualTo(0.0);
        assertThat(afterGap.violation()).isTrue();
        assertThat(harness.findings()).filteredOn(f -> f.ruleId().equals(DETECTOR_ID)).extracting(Finding::eventTime)
                .containsExactly(slice(12, 0));
    }

    @Test
    void groupsAreSeparateSeries() {
        TopologyHarness harness = start();
        for (int i = 0; i < 4; i++) {
            harness.send(Records.failedSignIn("x-" + i, slice(0, i), "444455556666", "carol", "8.8.8.8"));
        }
        harness.send(Records.failedSignIn("y", slice(0, 9)));
        harness.send(Records.benign("later", slice(8, 0)));

        assertThat(harness.points()).filteredOn(p -> p.bucketStart().equals(slice(0, 0)))
                .extracting(SeriesPoint::seriesId, SeriesPoint::value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(DETECTOR_ID + "|444455556666", 4L),
                        org.assertj.core.groups.Tuple.tuple(SERIES, 1L));
    }

    @Test
    void anEventTimeFarAheadOfItsPublicationIsNotCounted() {
        TopologyHarness harness = start();
        harness.send(Records.benign("now", T0));
        harness.send(Records.failedSignIn("future", T0.plus(Duration.ofDays(3))), T0.plus(Duration.ofMinutes(1)));
        harness.send(Records.benign("later", T0.plus(Duration.ofMinutes(60))));

        assertThat(harness.points()).isEmpty();
        assertThat(harness.counter("trailwatch.rules.outlier.skipped", "detector", DETECTOR_ID,
                "reason", "invalid-event-time")).isEqualTo(1);
        assertThat(harness.findings()).extracting(Finding::eventID).contains("future");
    }

    @Test
    void theBuiltInDetectorFindsABruteForceOnAQuietAccount() {
        harnesses.add(new TopologyHarness(RuleCatalog.builtin(), TestConfigs.rules(Map.of())));
        TopologyHarness harness = harnesses.get(0);
        for (int n = 0; n < 12; n++) {
            harness.send(Records.benign("quiet-" + n, slice(n, 0)));
        }
        for (int i = 0; i < 40; i++) {
            harness.send(Records.failedSignIn("brute-" + i, slice(12, i)));
        }
        harness.send(Records.benign("later", slice(24, 0)));

        // The detector has watched an hour of this account's traffic without a failure: ten quiet slices, so the
        // account's first burst is already an outlier.
        assertThat(harness.findings()).filteredOn(f -> f.ruleId().equals("outlier-console-auth-failures"))
                .singleElement().satisfies(f -> {
                    assertThat(f.outlier().value()).isEqualTo(40);
                    assertThat(f.outlier().mean()).isEqualTo(0.0);
                    assertThat(f.findingId()).isEqualTo(FindingIds.forSlice("outlier-console-auth-failures",
                            Records.ACCOUNT, slice(12, 0)));
                });
        assertThat(harness.points()).first().satisfies(p -> {
            assertThat(p.seriesId()).isEqualTo("outlier-console-auth-failures|" + Records.ACCOUNT);
            assertThat(p.value()).isEqualTo(40);
            assertThat(p.violation()).isTrue();
        });
    }

    @Test
    void aBurstInTheFirstMinutesOfWatchingHasNoBaselineYet() {
        harnesses.add(new TopologyHarness(RuleCatalog.builtin(), TestConfigs.rules(Map.of())));
        TopologyHarness harness = harnesses.get(0);
        harness.send(Records.benign("first", slice(0, 0)));
        for (int i = 0; i < 40; i++) {
            harness.send(Records.failedSignIn("brute-" + i, slice(2, i)));
        }
        harness.send(Records.benign("later", slice(14, 0)));
        assertThat(harness.findings()).filteredOn(f -> f.ruleId().equals("outlier-console-auth-failures"))
                .isEmpty();
        assertThat(harness.points()).first().satisfies(p -> {
            assertThat(p.value()).isEqualTo(40);
            assertThat(p.mean()).isNull();
        });
    }

    @Test
    void outlierTasksAreConfigurableAndNamedInTheirTopics() {
        assertThatThrownBy(() -> new TopologyHarness(RuleCatalog.builtin(),
                TestConfigs.rules(Map.of("trailwatch.rules.outliers.partitions", "0"))))
                .hasMessageContaining("trailwatch.rules.outliers.partitions must be at least 1, got 0");
        try (TopologyHarness harness = new TopologyHarness(RuleCatalog.builtin(),
                TestConfigs.rules(Map.of("trailwatch.rules.outliers.partitions", "3")))) {
            assertThat(harness.topology.describe().toString())
                    .contains("outlier-signals-p3-repartition", "outlier-progress-p3", "outlier-series-p3",
                            "outlier-due-p3");
        }
    }
}
