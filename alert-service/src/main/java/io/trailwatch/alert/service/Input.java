package io.trailwatch.alert.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.common.rest.ApiException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reading request bodies field by field, with 400 messages that name the field and say what is wrong. */
final class Input {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Input() {
    }

    static ApiException bad(String message) {
        return ApiException.badRequest(message);
    }

    static JsonNode object(JsonNode body, String what) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw bad("the request needs a JSON object describing the " + what);
        }
        if (!body.isObject()) {
            throw bad("the " + what + " must be a JSON object, got " + body.getNodeType().name().toLowerCase());
        }
        return body;
    }

    /** Refuses fields outside {@code known} (and {@code ignored}, read-only fields a client may echo back). */
    static void onlyKnown(JsonNode body, String what, Set<String> known, Set<String> ignored) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name) && !ignored.contains(name)) {
                throw bad("unknown field '" + name + "' in the " + what + "; known fields are "
                        + String.join(", ", known));
            }
        }
    }

    /** A name usable in URLs: letters, digits, '.', '_', '-', up to 64 characters. */
    static String name(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw bad("'" + field + "' must be 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit, got "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
        return value;
    }

    static String text(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw bad("'" + field + "' is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw bad("'" + field + "' must be a string, got " + node.getNodeType().name().toLowerCase());
        }
        return node.asText();
    }

    static boolean bool(JsonNode body, String field, boolean defaultValue) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            throw bad("'" + field + "' must be true or false, got " + node);
        }
        return node.asBoolean();
    }

    static List<String> strings(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        return strings(field, node);
    }

    static List<String> strings(String field, JsonNode node) {
        if (!node.isArray()) {
            throw bad("'" + field + "' must be a list of strings, got " + node.getNodeType().name().toLowerCase());
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw bad("'" + field + "' must be a list of non-empty strings; found " + item);
            }
            values.add(item.asText());
        }
        return values;
    }

    static Map<String, String> stringMap(String field, JsonNode node) {
        if (!node.isObject()) {
            throw bad("'" + field + "' must be an object of string values, got " + node.getNodeType().name().toLowerCase());
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw bad("'" + field + "." + e.getKey() + "' must be a string, got " + e.getValue());
            }
            values.put(e.getKey(), e.getValue().asText());
        });
        return values;
    }
}
