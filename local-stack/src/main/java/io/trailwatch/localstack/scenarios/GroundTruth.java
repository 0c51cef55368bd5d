package io.trailwatch.localstack.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The simulator's ground truth (JSON Lines, see simulator/README.md): which CIS rule ids each delivered record must
 * raise, and for each completed scenario run its time span, accounts and expected rule ids, including detectors
 * that judge the run as a whole.
 */
public final class GroundTruth {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A delivered record that matches at least one CIS pattern. */
    public record Event(String eventId, Instant eventTime, String accountId, String origin, String run,
                        List<String> expectedRules) {

        public Event {
            expectedRules = List.copyOf(expectedRules);
        }

        public boolean fromScenario() {
            return "scenario".equals(origin);
        }
    }

    /** A scenario run whose records were all delivered. */
    public record ScenarioRun(String run, String scenario, Instant start, Instant end, List<String> accounts,
                              List<String> expectedRules, List<String> eventIds, String summary) {

        public ScenarioRun {
            accounts = List.copyOf(accounts);
            expectedRules = List.copyOf(expectedRules);
            eventIds = List.copyOf(eventIds);
        }
    }

    private final Set<String> patternRuleIds;
    private final List<Event> events;
    private final List<ScenarioRun> scenarios;

    public GroundTruth(Set<String> patternRuleIds, List<Event> events, List<ScenarioRun> scenarios) {
        this.patternRuleIds = Set.copyOf(patternRuleIds);
        this.events = List.copyOf(events);
        this.scenarios = List.copyOf(scenarios);
    }

    public static GroundTruth read(Path file) {
        Set<String> patterns = new LinkedHashSet<>();
        List<Event> events = new ArrayList<>();
        List<ScenarioRun> scenarios = new ArrayList<>();
        boolean meta = false;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(file, number, line);
                switch (node.path("type").asText()) {
                    case "meta" -> {
                        meta = true;
                        node.path("patterns").fieldNames().forEachRemaining(patterns::add);
                    }
                    case "event" -> events.add(new Event(text(node, "eventID"), instant(file, number, node, "eventTime"),
                            text(node, "recipientAccountId"), text(node, "origin"), node.path("run").asText(null),
                            strings(node.path("expectedRules"))));
                    case "scenario" -> scenarios.add(new ScenarioRun(text(node, "run"), text(node, "scenario"),
                            instant(file, number, node, "start"), instant(file, number, node, "end"),
                            strings(node.path("accounts")), strings(node.path("expectedRules")),
                            strings(node.path("eventIDs")), node.path("summary").asText("")));
                    default -> throw new IllegalArgumentException(file + " line " + number
                            + ": unknown ground-truth line type '" + node.path("type").asText() + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ground truth " + file + ": " + e.getMessage(), e);
        }
        if (!meta) {
            throw new IllegalArgumentException(file + " has no meta line: it is not a simulator ground truth");
        }
        return new GroundTruth(patterns, events, scenarios);
    }

    private static JsonNode parse(Path file, int number, String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " line " + number + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText(null);
    }

    private static Instant instant(Path file, int number, JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException(file + " line " + number + " has no " + field);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + " line " + number + ": " + field + " '" + value
                    + "' is not an ISO-8601 time");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The rule ids of single-record CIS patterns (the meta line's {@code patterns}). */
    public Set<String> patternRuleIds() {
        return patternRuleIds;
    }

    public List<Event> events() {
        return events;
    }

    public List<ScenarioRun> scenarios() {
        return scenarios;
    }
}
