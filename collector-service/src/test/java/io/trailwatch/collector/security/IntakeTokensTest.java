package io.trailwatch.collector.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeTokensTest {

    @Test
    void matchesPlainAndHashedTokensAndLabelsThemByTheirHash() {
        String hashed = "sha256:" + HexFormat.of().formatHex(IntakeTokens.sha256("second-forwarder-token"));
        IntakeTokens tokens = new IntakeTokens(List.of(" first-forwarder-token ", hashed, ""));

        assertThat(tokens.match("first-forwarder-token")).hasValueSatisfying(l -> assertThat(l).matches("token-[0-9a-f]{8}"));
        assertThat(tokens.match("second-forwarder-token")).isPresent();
        assertThat(tokens.match("first-forwarder-token")).isNotEqualTo(tokens.match("second-forwarder-token"));
        assertThat(tokens.match("first-forwarder-tokeN")).isEmpty();
        assertThat(tokens.match("")).isEmpty();
        assertThat(new IntakeTokens(List.of()).match("first-forwarder-token")).isEmpty();
    }

    @Test
    void refusesShortTokensAndMalformedHashesWithAClearMessage() {
        assertThatThrownBy(() -> new IntakeTokens(List.of("short")))
                .hasMessageContaining("at least 16 characters").hasMessageNotContaining("short");
        assertThatThrownBy(() -> new IntakeTokens(List.of("sha256:abcd")))
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> new IntakeTokens(List.of("sha256:" + "zz".repeat(32))))
                .hasMessageContaining("64 hex digits");
    }
}
