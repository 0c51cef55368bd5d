package io.trailwatch.rules.engine.outlier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an outlier series is grouped by: one of the names SOC analysts use ({@code accountId},
 * {@code principal}, {@code sourceIPAddress}, {@code region}, {@code userName}, {@code eventName},
 * {@code eventSource}) or any record field as a path ({@code userIdentity.sessionContext.sessionIssuer.arn},
 * optionally written {@code $.…}, with {@code [n]} array indexes).
 */
public final class GroupBy {

    /** The single group when nothing is grouped by. */
    public static final String ALL = "all";
    /** The group of records that lack the field (or where it is not a scalar). */
    public static final String MISSING = "(none)";

    private static final Map<String, List<String>> ALIASES = Map.of(
            // The account whose trail recorded the event, which is the Kafka key, rather than the caller's account.
            "accountId", List.of("recipientAccountId"),
            // Failed sign-ins carry no ARN, only the user name.
            "principal", List.of("userIdentity.arn", "userIdentity.userName", "userIdentity.principalId"),
            "region", List.of("awsRegion"),
            "userName", List.of("userIdentity.userName"));
    private static final Pattern STEP = Pattern.compile("([A-Za-z0-9_-]+)((?:\\[[0-9]{1,9}])*)");
    private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)]");

    private final String field;
    /** Alternative paths, first non-missing wins; each path is a list of String names and Integer indexes. */
    private final List<List<Object>> paths;

    private GroupBy(String field, List<List<Object>> paths) {
        this.field = field;
        this.paths = paths;
    }

    /** Everything in one group, {@value #ALL}. */
    public static GroupBy none() {
        return new GroupBy(null, List.of());
    }

    /**
     * @param field an alias or a path; null or blank for {@link #none()}
     * @throws IllegalArgumentException when the path is not valid
     */
    public static GroupBy parse(String field) {
        if (field == null || field.isBlank()) {
            return none();
        }
        String f = field.trim();
        List<String> texts = ALIASES.getOrDefault(f, List.of(f.startsWith("$.") ? f.substring(2) : f));
        List<List<Object>> paths = new ArrayList<>();
        for (String text : texts) {
            paths.add(path(field, text));
        }
        return new GroupBy(f, paths);
    }

    private static List<Object> path(String field, String text) {
        List<Object> steps = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            Matcher m = STEP.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("invalid group-by field '" + field + "': expected accountId, "
                        + "principal, sourceIPAddress, region, userName, eventName, eventSource or a record path "
                        + "such as userIdentity.arn");
            }
            steps.add(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                steps.add(Integer.valueOf(index.group(1)));
            }
        }
        return List.copyOf(steps);
    }

    /** The field as configured, or null when grouping by nothing. */
    public String field() {
        return field;
    }

    /** The record's group: the field's text, {@value #MISSING} when absent, {@value #ALL} when not grouping. */
    public String groupOf(JsonNode record) {
        if (paths.isEmpty()) {
            return ALL;
        }
        for (List<Object> path : paths) {
            JsonNode node = record;
            for (Object step : path) {
                node = step instanceof String name ? node.get(name) : node.get((Integer) step);
                if (node == null) {
                    break;
                }
            }
            if (node != null && (node.isTextual() || node.isNumber() || node.isBoolean())) {
                return node.asText();
            }
        }
        return MISSING;
    }

    @Override
    public String toString() {
        return field == null ? ALL : field;
    }
}
