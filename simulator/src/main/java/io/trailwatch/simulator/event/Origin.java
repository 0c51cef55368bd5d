package io.trailwatch.simulator.event;

/** Whether a record is part of an injected scenario or of the background traffic. */
public enum Origin {
    SCENARIO, BACKGROUND;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
