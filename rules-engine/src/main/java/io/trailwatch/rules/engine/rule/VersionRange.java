package io.trailwatch.rules.engine.rule;

import java.util.List;

/**
 * An inclusive range of CIS benchmark versions as written in rule files: {@code v1.2.0} (one version),
 * {@code v1.3.0..v1.5.0} (both ends included), {@code v6.0.0+} (that version and every later one) or
 * {@code all}.
 */
public record VersionRange(CisVersion from, CisVersion to) {

    public static final VersionRange ALL = new VersionRange(null, null);

    /** @throws IllegalArgumentException with the accepted forms when the text is not a range */
    public static VersionRange parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.equals("all")) {
            return ALL;
        }
        VersionRange range;
        try {
            int dots = s.indexOf("..");
            if (s.endsWith("+")) {
                range = new VersionRange(CisVersion.parse(s.substring(0, s.length() - 1)), null);
            } else if (dots >= 0) {
                range = new VersionRange(CisVersion.parse(s.substring(0, dots)), CisVersion.parse(s.substring(dots + 2)));
            } else {
                CisVersion single = CisVersion.parse(s);
                range = new VersionRange(single, single);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid version range '" + s + "' (expected v1.2.0, "
                    + "v1.3.0..v1.5.0, v6.0.0+ or all): " + e.getMessage(), e);
        }
        if (range.to != null && range.from.compareTo(range.to) > 0) {
            throw new IllegalArgumentException("invalid version range '" + s + "': it ends before it starts");
        }
        return range;
    }

    public boolean contains(CisVersion version) {
        return (from == null || from.compareTo(version) <= 0) && (to == null || to.compareTo(version) >= 0);
    }

    public boolean intersects(VersionRange other) {
        return (from == null || other.to == null || from.compareTo(other.to) <= 0)
                && (to == null || other.from == null || other.from.compareTo(to) <= 0);
    }

    /** The known versions inside this range, oldest first. */
    public List<CisVersion> knownVersions() {
        return CisVersion.KNOWN.stream().filter(this::contains).toList();
    }

    @Override
    public String toString() {
        if (from == null && to == null) {
            return "all";
        }
        if (to == null) {
            return from + "+";
        }
        if (from == null) {
            return "..".concat(to.toString());
        }
        return from.equals(to) ? from.toString() : from + ".." + to;
    }
}
