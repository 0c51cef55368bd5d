package io.trailwatch.simulator.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Compact construction of the nested request/response objects of records. */
public final class Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** An object from alternating field names and values (String, Boolean, Integer, Long, JsonNode or null). */
    public static ObjectNode obj(Object... fieldsAndValues) {
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("obj needs field/value pairs");
        }
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            node.set((String) fieldsAndValues[i], value(fieldsAndValues[i + 1]));
        }
        return node;
    }

    public static ArrayNode arr(Object... values) {
        ArrayNode node = NODES.arrayNode(values.length);
        for (Object v : values) {
            node.add(value(v));
        }
        return node;
    }

    /** EC2's query-API shape for a list: {@code {"items": [...]}}. */
    public static ObjectNode items(Object... values) {
        return obj("items", arr(values));
    }

    private static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof JsonNode n) {
            return n;
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        throw new IllegalArgumentException("unsupported JSON value type " + v.getClass().getName());
    }
}
