package io.trailwatch.alert.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One setting of a channel type: its name, kind, whether it is required, whether it is secret (write-only,
 * encrypted at rest), its default, and what it is for (shown by {@code GET /api/v1/channel-types}).
 */
public record SettingSpec(String name, Kind kind, boolean required, boolean secret, JsonNode defaultValue,
                          String description) {

    /** The JSON shape a setting accepts. */
    public enum Kind {
        STRING, URL, BOOLEAN, STRING_LIST, EMAIL, EMAIL_LIST, STRING_MAP, JSON_OBJECT, JSON_ARRAY
    }

    static SettingSpec required(String name, Kind kind, String description) {
        return new SettingSpec(name, kind, true, false, null, description);
    }

    static SettingSpec optional(String name, Kind kind, String description) {
        return new SettingSpec(name, kind, false, false, null, description);
    }

    static SettingSpec withDefault(String name, String defaultValue, Kind kind, String description) {
        return new SettingSpec(name, kind, false, false, TextNode.valueOf(defaultValue), description);
    }

    static SettingSpec secret(String name, Kind kind, boolean required, String description) {
        return new SettingSpec(name, kind, required, true, null, description);
    }

    static SettingSpec flag(String name, boolean defaultValue, String description) {
        return new SettingSpec(name, Kind.BOOLEAN, false, false, BooleanNode.valueOf(defaultValue), description);
    }
}
