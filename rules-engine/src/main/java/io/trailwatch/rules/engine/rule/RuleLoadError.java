package io.trailwatch.rules.engine.rule;

/**
 * A rule file that could not be used, and why. The rest of the rules load regardless.
 *
 * @param file the file (path of a custom rule, or {@code builtin:<resource>})
 * @param ruleId the rule's id when the file got far enough to declare one, else null
 * @param message what is wrong, naming the field or test concerned
 */
public record RuleLoadError(String file, String ruleId, String message) {

    @Override
    public String toString() {
        return file + ": " + message;
    }
}
