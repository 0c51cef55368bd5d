package io.trailwatch.rules.engine.rule;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link RuleSet#load} loads.
 *
 * @param cisVersion whose patterns to use; {@link CisVersion#LATEST} by default
 * @param customDir directory of custom rule files, or null for none
 * @param includeBuiltin whether to load the built-in pack (false only for tools testing a directory on its own)
 * @param enable ids of rules to enable regardless of their file's flag (e.g. a tuned variant)
 * @param disable ids of rules to disable regardless of their file's flag; wins over {@code enable}
 */
public record RuleSetOptions(CisVersion cisVersion, Path customDir, boolean includeBuiltin, Set<String> enable,
        Set<String> disable) {

    public RuleSetOptions {
        Objects.requireNonNull(cisVersion, "cisVersion");
        enable = Set.copyOf(enable);
        disable = Set.copyOf(disable);
    }

    /** The built-in pack at the newest benchmark version, nothing else. */
    public static RuleSetOptions defaults() {
        return new RuleSetOptions(CisVersion.LATEST, null, true, Set.of(), Set.of());
    }

    public RuleSetOptions withCisVersion(CisVersion version) {
        return new RuleSetOptions(version, customDir, includeBuiltin, enable, disable);
    }

    public RuleSetOptions withCustomDir(Path dir) {
        return new RuleSetOptions(cisVersion, dir, includeBuiltin, enable, disable);
    }

    public RuleSetOptions withBuiltin(boolean include) {
        return new RuleSetOptions(cisVersion, customDir, include, enable, disable);
    }

    public RuleSetOptions withEnabled(Set<String> ids) {
        return new RuleSetOptions(cisVersion, customDir, includeBuiltin, ids, disable);
    }

    public RuleSetOptions withDisabled(Set<String> ids) {
        return new RuleSetOptions(cisVersion, customDir, includeBuiltin, enable, ids);
    }
}
