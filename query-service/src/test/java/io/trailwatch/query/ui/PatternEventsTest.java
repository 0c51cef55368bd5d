package io.trailwatch.query.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.common.rest.ApiException;
import org.junit.jupiter.api.Test;

/** The events pasted into "try a pattern": every shape a user is likely to paste. */
class PatternEventsTest {

    @Test
    void arrayCloudTrailFileSingleObjectAndOnePerLine() {
        assertThat(RulePages.parseEvents("[{\"eventName\": \"A\"}, {\"eventName\": \"B\"}]")).hasSize(2);
        assertThat(RulePages.parseEvents("{\"Records\": [{\"eventName\": \"A\"}]}")).hasSize(1);
        assertThat(RulePages.parseEvents("{\"eventName\": \"A\"}").get(0).get("eventName").asText()).isEqualTo("A");
        assertThat(RulePages.parseEvents("{\"eventName\": \"A\"}\n\n{\"eventName\": \"B\"}\r\n{\"eventName\": \"C\"}"))
                .extracting(e -> e.get("eventName").asText()).containsExactly("A", "B", "C");
        assertThat(RulePages.parseEvents("  \n")).isEmpty();
    }

    @Test
    void textThatIsNotJsonObjectsIsRefusedWithItsLine() {
        assertThatThrownBy(() -> RulePages.parseEvents("{\"eventName\": \"A\"}\nnot json"))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("'events' line 2 is not JSON");
        assertThatThrownBy(() -> RulePages.parseEvents("[{\"eventName\": \"A\"}, 3]"))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("'events' item 2 is not a JSON object");
    }
}
