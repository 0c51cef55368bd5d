package io.trailwatch.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of activity a finding is about. */
public enum Category {
    ACCESS("access"),
    CONFIGURATION_CHANGE("configuration-change"),
    OUTLIER("outlier"),
    CUSTOM("custom");

    private final String wireName;

    Category(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Category fromWire(String value) {
        for (Category c : values()) {
            if (c.wireName.equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown category '" + value + "': expected one of access, configuration-change, outlier, custom");
    }
}
