package io.trailwatch.query.ui;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Formatting for the findings, events, rules and alerts templates, as {@code pg:} functions
 * (e.g. {@code {pg:utc(finding.eventTime)}}). Everything returned is plain text; Qute escapes it.
 */
@TemplateExtension(namespace = "pg")
public final class PageFormat {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private PageFormat() {
    }

    /** {@code 2026-11-28 05:14:42Z}; "" for no time. */
    public static String utc(Instant time) {
        return time == null ? "" : UTC.format(time);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public static String iso(Instant time) {
        return time == null ? "" : time.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code false_positive} → {@code false positive}. */
    public static String statusLabel(String status) {
        return status == null ? "" : status.replace('_', ' ');
    }

    /** The badge class of a triage status: {@code status-false-positive}. */
    public static String statusClass(String status) {
        return status == null ? "status-open" : "status-" + status.replace('_', '-');
    }

    /** The badge class of a severity, {@code sev-high}; unknown values get the neutral info badge. */
    public static String sevClass(String severity) {
        if (severity == null) {
            return "sev-info";
        }
        return switch (severity) {
            case "info", "low", "medium", "high", "critical" -> "sev-" + severity;
            default -> "sev-info";
        };
    }

    /** A value as one URL path segment ({@code /events/{pg:seg(id)}}): ids from events may hold any character. */
    public static String seg(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A value or a dash for missing ones. */
    public static String orDash(Object value) {
        return value == null || value.toString().isBlank() ? "—" : value.toString();
    }
}
