package io.trailwatch.rules.engine.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dispatches a record only to the rules that can match it. A rule whose pattern requires
 * {@code eventName} to be one of a set of values (see {@code FilterPattern#requiredValues}) is filed under
 * those values; otherwise under its required {@code eventSource} values; otherwise it is tested on every
 * record. Candidates are still tested with their full pattern, so the index only saves work.
 */
final class RuleIndex {

    private static final int[] NONE = new int[0];

    /** The indexed rules sorted by id; candidates are positions in this array, so hits sort by id cheaply. */
    private final Rule[] rules;
    private final Map<String, int[]> byEventName;
    private final Map<String, int[]> byEventSource;
    private final int[] unindexed;

    RuleIndex(List<Rule> sortedRules) {
        this.rules = sortedRules.toArray(Rule[]::new);
        Map<String, List<Integer>> names = new HashMap<>();
        Map<String, List<Integer>> sources = new HashMap<>();
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            Set<String> eventNames = rules[i].pattern().requiredValues("eventName").orElse(null);
            Set<String> eventSources = rules[i].pattern().requiredValues("eventSource").orElse(null);
            if (eventNames != null) {
                for (String name : eventNames) {
                    names.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
                }
            } else if (eventSources != null) {
                for (String source : eventSources) {
                    sources.computeIfAbsent(source, k -> new ArrayList<>()).add(i);
                }
            } else {
                rest.add(i);
            }
        }
        this.byEventName = freeze(names);
        this.byEventSource = freeze(sources);
        this.unindexed = rest.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Number of rules tested on every record (not indexed), for diagnostics. */
    int unindexedCount() {
        return unindexed.length;
    }

    List<Rule> match(JsonNode record) {
        Hits hits = byEventName.isEmpty() ? null
                : scan(candidates(byEventName, record.get("eventName")), record, null);
        if (!byEventSource.isEmpty()) {
            hits = scan(candidates(byEventSource, record.get("eventSource")), record, hits);
        }
        hits = scan(unindexed, record, hits);
        return hits == null ? List.of() : hits.toRules(rules);
    }

    private static int[] candidates(Map<String, int[]> index, JsonNode value) {
        if (value == null) {
            return NONE;
        }
        String key;
        if (value.isTextual()) {
            key = value.textValue();
        } else if (value.isNumber()) {
            key = value.asText();
        } else {
            return NONE;
        }
        int[] found = index.get(key);
        return found != null ? found : NONE;
    }

    private Hits scan(int[] candidates, JsonNode record, Hits hits) {
        for (int candidate : candidates) {
            if (rules[candidate].matches(record)) {
                if (hits == null) {
                    hits = new Hits();
                }
                hits.add(candidate);
            }
        }
        return hits;
    }

    /** A HashMap compares cached hash codes before contents, so a miss rarely reads the event's string bytes. */
    private static Map<String, int[]> freeze(Map<String, List<Integer>> index) {
        Map<String, int[]> frozen = new HashMap<>();
        index.forEach((key, positions) -> frozen.put(key, positions.stream().mapToInt(Integer::intValue).toArray()));
        return frozen;
    }

    /** Matched positions; allocated only when a record matches something, which is rare. */
    private static final class Hits {

        private int[] positions = new int[4];
        private int size;

        void add(int position) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
            }
            positions[size++] = position;
        }

        List<Rule> toRules(Rule[] rules) {
            Arrays.sort(positions, 0, size);
            Rule[] matched = new Rule[size];
            for (int i = 0; i < size; i++) {
                matched[i] = rules[positions[i]];
            }
            return List.of(matched);
        }
    }
}
