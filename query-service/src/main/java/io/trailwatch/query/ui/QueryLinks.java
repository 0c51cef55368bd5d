package io.trailwatch.query.ui;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the URLs of the list pages: filters kept, paging and notices replaced, pivots to events around a time. */
final class QueryLinks {

    /** How far before and after an event the "around this time" links reach. */
    static final Duration AROUND = Duration.ofHours(1);

    private QueryLinks() {
    }

    /** The query string of {@code params} without the parameters in {@code drop}, "" when nothing is left. */
    static String query(Map<String, List<String>> params, Set<String> drop) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, values) -> {
            if (drop.contains(name) || values == null) {
                return;
            }
            for (String value : values) {
                if (value == null || value.isEmpty()) {
                    continue;
                }
                append(out, name, value);
            }
        });
        return out.toString();
    }

    /** {@code base} plus a query string, with "?" only when there is one. */
    static String url(String base, String query) {
        return query.isEmpty() ? base : base + "?" + query;
    }

    /** {@code query} with one more parameter. */
    static String with(String query, String name, String value) {
        StringBuilder out = new StringBuilder(query);
        append(out, name, value);
        return out.toString();
    }

    /**
     * The filters as the JSON API reads them: the page's window as explicit from/to instead of a preset, without
     * the page's own parameters ({@code notFilters}).
     */
    static String apiQuery(Map<String, List<String>> params, TimeWindow window, Set<String> notFilters) {
        Set<String> drop = new java.util.HashSet<>(notFilters);
        drop.addAll(Set.of("range", "from", "to"));
        String query = query(params, drop);
        if (window.from() != null) {
            query = with(query, "from", window.from().toString());
        }
        if (window.to() != null) {
            query = with(query, "to", window.to().toString());
        }
        return query;
    }

    /** Reads a query string (as a form sent it back) into names and values, in order. */
    static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query == null || query.isBlank()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** The events page filtered on {@code name}={@code value}, from an hour before {@code time} to an hour after. */
    static String eventsAround(String name, String value, Instant time) {
        StringBuilder out = new StringBuilder();
        append(out, name, value);
        if (time != null) {
            append(out, "from", time.minus(AROUND).toString());
            append(out, "to", time.plus(AROUND).toString());
        }
        return "/events?" + out;
    }

    private static void append(StringBuilder out, String name, String value) {
        if (!out.isEmpty()) {
            out.append('&');
        }
        out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
