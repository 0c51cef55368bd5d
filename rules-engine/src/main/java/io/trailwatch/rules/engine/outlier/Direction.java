package io.trailwatch.rules.engine.outlier;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which side of the band is an outlier, as Sumo Logic's {@code outlier} operator spells it. */
public enum Direction {
    /** Only values above the band ({@code +}). */
    UP("+"),
    /** Only values below the band ({@code -}). */
    DOWN("-"),
    /** Values on either side ({@code +-}), the default. */
    BOTH("+-");

    private final String symbol;

    Direction(String symbol) {
        this.symbol = symbol;
    }

    @JsonValue
    public String symbol() {
        return symbol;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Direction parse(String text) {
        for (Direction d : values()) {
            if (d.symbol.equals(text == null ? null : text.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + text + "': expected +, - or +-");
    }

    boolean flags(boolean above, boolean below) {
        return switch (this) {
            case UP -> above;
            case DOWN -> below;
            case BOTH -> above || below;
        };
    }
}
