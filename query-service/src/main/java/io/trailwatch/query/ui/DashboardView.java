package io.trailwatch.query.ui;

import io.trailwatch.query.service.Panels;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the dashboard template shows, as plain values (Qute escapes them all). The charts' numbers travel as
 * {@link #chartJson()}: a JSON text the template puts into a data attribute (escaped like any attribute value, so
 * the browser's attribute parsing gives back exactly this JSON) and /ui/js/dashboard.js reads with JSON.parse.
 */
public record DashboardView(DashboardFilters filters, List<PresetLink> presets, String fromInput, String toInput,
                            List<Option> accounts, List<Option> regions, List<Option> refreshOptions,
                            Instant generatedAt, Instant from, Instant to, List<SectionView> sections,
                            List<CountryRow> countries, long failedLogins, String failedLoginsHref,
                            OutlierSummary outliers, String chartJson, String error) {

    public record PresetLink(String key, String label, String href, boolean current) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record SectionView(String id, String title, List<PanelView> panels) {
    }

    /**
     * One panel card.
     *
     * @param trend e.g. "+3 vs previous 24h" or "" when both periods are zero
     * @param trendClass trend-up / trend-down / ""
     * @param eventsHref the matching events (click-through)
     * @param findingsHref the matching findings
     */
    public record PanelView(String id, String title, long total, String trend, String trendClass, String severity,
                            Instant lastSeen, List<HighlightView> highlights, String eventsHref,
                            String findingsHref) {
    }

    public record HighlightView(String title, long total) {
    }

    public record CountryRow(String code, long count) {
    }

    /** The outlier panel's caption numbers and its click-through to the outlier findings. */
    public record OutlierSummary(int series, int outliers, boolean truncated, String findingsHref) {
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);

    /** {@code 2026-11-28 05:14:42Z} */
    public static String utc(Instant time) {
        return time == null ? "" : UTC.format(time);
    }

    /** The value of a {@code <time datetime>}. */
    public static String iso(Instant time) {
        return time == null ? "" : time.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String input(Instant time) {
        return time == null ? "" : INPUT.format(time);
    }

    /** The query of links to the events or findings of some rules in the dashboard's counted range and filters. */
    static String drillDown(String path, List<String> ruleIds, Instant from, Instant to, DashboardFilters filters) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("ruleId", ruleIds);
        params.put("from", List.of(iso(from)));
        params.put("to", List.of(iso(to)));
        params.put("accountId", filters.accountIds());
        params.put("region", filters.regions());
        return path + "?" + QueryString.of(params);
    }

    static String trend(long total, long previous, String range) {
        if (total == 0 && previous == 0) {
            return "";
        }
        long delta = total - previous;
        String sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
        return sign + Math.abs(delta) + " vs previous " + range;
    }

    static String trendClass(long total, long previous) {
        return total > previous ? "trend-up" : total < previous ? "trend-down" : "";
    }

    /** The chart data of a dashboard: bucket times in epoch milliseconds, per-panel series, countries, outliers. */
    static Map<String, Object> chartData(Panels panels) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bucketSeconds", panels.bucketSeconds());
        data.put("from", panels.from().toEpochMilli());
        data.put("to", panels.to().toEpochMilli());
        data.put("buckets", panels.buckets().stream().map(Instant::toEpochMilli).toList());
        Map<String, Object> series = new LinkedHashMap<>();
        for (Panels.Section section : panels.sections()) {
            for (Panels.Panel panel : section.panels()) {
                series.put(panel.id(), panel.series());
            }
        }
        data.put("series", series);
        List<Map<String, Object>> countries = new ArrayList<>();
        for (Panels.Count count : panels.failedLoginsByCountry()) {
            if (count.value() != null) {
                countries.add(Map.of("code", count.value(), "count", count.count()));
            }
        }
        data.put("countries", countries);
        List<Map<String, Object>> outliers = new ArrayList<>();
        for (Panels.OutlierSeries s : panels.outliers().series()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("seriesId", s.seriesId());
            entry.put("detectorId", s.detectorId());
            entry.put("group", s.group());
            entry.put("outliers", s.outliers());
            List<List<Object>> points = new ArrayList<>();
            for (Panels.OutlierPoint p : s.points()) {
                List<Object> point = new ArrayList<>(5);
                point.add(p.bucketStart().toEpochMilli());
                point.add(p.value());
                point.add(hundredths(p.lower()));
                point.add(hundredths(p.upper()));
                point.add(p.outlier() || p.violation());
                points.add(point);
            }
            entry.put("points", points);
            outliers.add(entry);
        }
        data.put("outliers", outliers);
        return data;
    }

    /**
     * A band limit as the chart shows it: to the hundredth. Full precision (17 digits) made a week's outlier data,
     * embedded in the page, twice as long for nothing the analyst sees.
     */
    private static Double hundredths(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
