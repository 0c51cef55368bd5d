package io.trailwatch.rules.engine.rule;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A CIS AWS Foundations Benchmark version. Only published versions are accepted, so a typo in a rule file
 * or in {@code trailwatch.rules.cis-version} is an error rather than a silently empty rule set.
 */
public record CisVersion(int major, int minor, int patch) implements Comparable<CisVersion> {

    /** Every benchmark version whose monitoring section the built-in pack covers, oldest first. */
    public static final List<CisVersion> KNOWN = List.of(
            new CisVersion(1, 2, 0), new CisVersion(1, 3, 0), new CisVersion(1, 4, 0), new CisVersion(1, 5, 0),
            new CisVersion(2, 0, 0), new CisVersion(3, 0, 0), new CisVersion(4, 0, 0), new CisVersion(4, 0, 1),
            new CisVersion(5, 0, 0), new CisVersion(6, 0, 0), new CisVersion(7, 0, 0));

    /** The newest benchmark, the default. */
    public static final CisVersion LATEST = KNOWN.get(KNOWN.size() - 1);

    /**
     * Parses {@code v1.4.0}, {@code 1.4.0}, {@code v1.4} or {@code 1.4}.
     *
     * @throws IllegalArgumentException naming the known versions when the text is not one of them
     */
    public static CisVersion parse(String text) {
        if (text != null) {
            String s = text.trim().toLowerCase(Locale.ROOT);
            if (s.startsWith("v")) {
                s = s.substring(1);
            }
            String[] parts = s.split("\\.", -1);
            if (parts.length >= 2 && parts.length <= 3) {
                try {
                    CisVersion version = new CisVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                            parts.length == 3 ? Integer.parseInt(parts[2]) : 0);
                    if (KNOWN.contains(version)) {
                        return version;
                    }
                } catch (NumberFormatException notANumber) {
                    // reported below with the list of known versions
                }
            }
        }
        throw new IllegalArgumentException("unknown CIS benchmark version '" + text + "': expected one of "
                + KNOWN.stream().map(CisVersion::toString).collect(Collectors.joining(", ")));
    }

    @Override
    public int compareTo(CisVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return "v" + major + "." + minor + "." + patch;
    }
}
