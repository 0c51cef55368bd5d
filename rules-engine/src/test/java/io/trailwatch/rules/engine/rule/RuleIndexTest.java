package io.trailwatch.rules.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleIndexTest {

    @Test
    void onlyRulesThatPinNoEventNameOrSourceAreTestedOnEveryRecord() {
        List<Rule> all = RuleSet.builtin().rules();
        List<Rule> enabled = all.stream().filter(Rule::enabled).toList();
        // cis-unauthorized-api-calls (errorCode) and cis-root-account-usage (userIdentity.type) pin neither.
        assertThat(new RuleIndex(enabled).unindexedCount()).isEqualTo(2);
        // Their tuned variants neither; the MFA variant pins ConsoleLogin like its CIS rule.
        assertThat(new RuleIndex(all).unindexedCount()).isEqualTo(4);
    }
}
