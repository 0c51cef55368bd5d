package io.trailwatch.rules.engine.rule;

/** A rule file that cannot be used; the message names the field and what is wrong with it. */
final class InvalidRuleException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String ruleId;

    InvalidRuleException(String ruleId, String message) {
        super(message);
        this.ruleId = ruleId;
    }

    String ruleId() {
        return ruleId;
    }
}
