package io.trailwatch.rules.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void parsesTheUsualSpellings() {
        CisVersion v140 = new CisVersion(1, 4, 0);
        assertThat(CisVersion.parse("v1.4.0")).isEqualTo(v140);
        assertThat(CisVersion.parse("1.4.0")).isEqualTo(v140);
        assertThat(CisVersion.parse("v1.4")).isEqualTo(v140);
        assertThat(CisVersion.parse(" V1.4 ")).isEqualTo(v140);
        assertThat(v140).hasToString("v1.4.0");
        assertThat(CisVersion.LATEST).isEqualTo(new CisVersion(7, 0, 0));
    }

    @Test
    void rejectsUnknownVersionsListingTheKnownOnes() {
        for (String bad : new String[] {"v1.1.0", "v8.0.0", "latest", "", "1", "1.x"}) {
            assertThatThrownBy(() -> CisVersion.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown CIS benchmark version '" + bad + "'")
                    .hasMessageContaining("v1.2.0, v1.3.0, v1.4.0, v1.5.0, v2.0.0, v3.0.0, v4.0.0, v4.0.1, v5.0.0, "
                            + "v6.0.0, v7.0.0");
        }
        assertThatThrownBy(() -> CisVersion.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionsOrderNumerically() {
        assertThat(CisVersion.parse("v1.5.0")).isLessThan(CisVersion.parse("v2.0.0"));
        assertThat(CisVersion.parse("v4.0.1")).isGreaterThan(CisVersion.parse("v4.0.0"));
        assertThat(CisVersion.KNOWN).isSorted();
    }

    @Test
    void rangesContainTheirEnds() {
        VersionRange middle = VersionRange.parse("v1.3.0..v1.5.0");
        assertThat(middle.contains(CisVersion.parse("v1.3.0"))).isTrue();
        assertThat(middle.contains(CisVersion.parse("v1.5.0"))).isTrue();
        assertThat(middle.contains(CisVersion.parse("v1.2.0"))).isFalse();
        assertThat(middle.contains(CisVersion.parse("v2.0.0"))).isFalse();
        assertThat(middle.knownVersions()).extracting(CisVersion::toString).containsExactly("v1.3.0", "v1.4.0", "v1.5.0");
        VersionRange open = VersionRange.parse("v6.0.0+");
        assertThat(open.contains(CisVersion.parse("v7.0.0"))).isTrue();
        assertThat(open.contains(CisVersion.parse("v5.0.0"))).isFalse();
        assertThat(VersionRange.parse("v1.2.0").knownVersions()).hasSize(1);
        assertThat(VersionRange.parse("all").knownVersions()).isEqualTo(CisVersion.KNOWN);
    }

    @Test
    void rangesIntersect() {
        assertThat(VersionRange.parse("v1.2.0..v2.0.0").intersects(VersionRange.parse("v2.0.0+"))).isTrue();
        assertThat(VersionRange.parse("v1.2.0..v1.5.0").intersects(VersionRange.parse("v2.0.0+"))).isFalse();
        assertThat(VersionRange.parse("v6.0.0+").intersects(VersionRange.parse("v1.2.0"))).isFalse();
        assertThat(VersionRange.ALL.intersects(VersionRange.parse("v1.2.0"))).isTrue();
        assertThat(VersionRange.parse("v1.2.0").intersects(VersionRange.ALL)).isTrue();
    }

    @Test
    void rangesPrintAsWritten() {
        for (String text : new String[] {"v1.2.0", "v1.3.0..v1.5.0", "v6.0.0+", "all"}) {
            assertThat(VersionRange.parse(text)).hasToString(text);
        }
    }

    @Test
    void badRangesSayWhatIsAccepted() {
        assertThatThrownBy(() -> VersionRange.parse("v1.3.0-v1.5.0"))
                .hasMessageStartingWith("invalid version range 'v1.3.0-v1.5.0' (expected v1.2.0, v1.3.0..v1.5.0, "
                        + "v6.0.0+ or all)");
        assertThatThrownBy(() -> VersionRange.parse("v2.0.0..v1.2.0"))
                .hasMessage("invalid version range 'v2.0.0..v1.2.0': it ends before it starts");
        assertThatThrownBy(() -> VersionRange.parse("v9.0.0+")).hasMessageContaining("unknown CIS benchmark version");
    }
}
