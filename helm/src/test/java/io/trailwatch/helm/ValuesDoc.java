package io.trailwatch.helm;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented parameters of values.yaml: every key preceded by a "# -- description" comment (continued by
 * further "#" lines). A documented key's children belong to its default value; an undocumented key is a section
 * whose children must be documented. The chart README's parameter table is generated from this.
 */
final class ValuesDoc {

    record Parameter(String path, String description, Object defaultValue) {
    }

    static final String TABLE_BEGIN = "<!-- parameters:begin (generated from values.yaml by ValuesDocumentationTest) -->";
    static final String TABLE_END = "<!-- parameters:end -->";

    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_.\\-\"/]+):(?: .*)?$");
    private static final Pattern DOC = Pattern.compile("^ *# -- (.*)$");
    private static final Pattern MORE = Pattern.compile("^ *# (.*)$");
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Object> values;

    private ValuesDoc(Path valuesFile) {
        this.values = Values.load(valuesFile);
        List<String> lines;
        try {
            lines = Files.readAllLines(valuesFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Deque<int[]> indents = new ArrayDeque<>();
        Deque<String> keys = new ArrayDeque<>();
        StringBuilder pending = null;
        for (String line : lines) {
            Matcher doc = DOC.matcher(line);
            Matcher more = MORE.matcher(line);
            Matcher key = KEY.matcher(line);
            if (doc.matches()) {
                pending = new StringBuilder(doc.group(1).trim());
            } else if (pending != null && more.matches()) {
                pending.append(' ').append(more.group(1).trim());
            } else if (key.matches()) {
                int indent = key.group(1).length();
                while (!indents.isEmpty() && indents.peek()[0] >= indent) {
                    indents.pop();
                    keys.pop();
                }
                indents.push(new int[] {indent});
                keys.push(key.group(2));
                if (pending != null) {
                    List<String> path = new ArrayList<>(keys);
                    java.util.Collections.reverse(path);
                    String dotted = String.join(".", path);
                    parameters.put(dotted, new Parameter(dotted, pending.toString(), valueAt(path)));
                }
                pending = null;
            } else {
                pending = null;
            }
        }
    }

    static ValuesDoc of(Path valuesFile) {
        return new ValuesDoc(valuesFile);
    }

    Map<String, Parameter> parameters() {
        return parameters;
    }

    Map<String, Object> values() {
        return values;
    }

    /** Keys of values.yaml that are neither documented nor inside a documented key. */
    List<String> undocumented() {
        List<String> missing = new ArrayList<>();
        collectUndocumented(values, "", missing);
        return missing;
    }

    @SuppressWarnings("unchecked")
    private void collectUndocumented(Map<String, Object> map, String prefix, List<String> missing) {
        map.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (parameters.containsKey(path)) {
                return;
            }
            if (value instanceof Map<?, ?> children && !children.isEmpty()) {
                collectUndocumented((Map<String, Object>) children, path, missing);
            } else {
                missing.add(path);
            }
        });
    }

    /** The README parameter table, between its markers. */
    String table() {
        StringBuilder table = new StringBuilder(TABLE_BEGIN).append("\n\n");
        table.append("| Parameter | Description | Default |\n|---|---|---|\n");
        for (Parameter parameter : parameters.values()) {
            table.append("| `").append(parameter.path()).append("` | ")
                    .append(cell(parameter.description())).append(" | `")
                    .append(cell(GSON.toJson(parameter.defaultValue()))).append("` |\n");
        }
        return table.append("\n").append(TABLE_END).toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    @SuppressWarnings("unchecked")
    private Object valueAt(List<String> path) {
        Object current = values;
        for (String key : path) {
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }
}
