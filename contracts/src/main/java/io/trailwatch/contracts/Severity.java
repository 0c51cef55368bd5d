package io.trailwatch.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Finding severities, lowest first, so {@link #compareTo} orders them. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire name; the message lists the accepted values. */
    @JsonCreator
    public static Severity fromWire(String value) {
        if (value != null) {
            for (Severity s : values()) {
                if (s.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown severity '" + value + "': expected one of info, low, medium, high, critical");
    }

    public boolean atLeast(Severity minimum) {
        return compareTo(minimum) >= 0;
    }
}
