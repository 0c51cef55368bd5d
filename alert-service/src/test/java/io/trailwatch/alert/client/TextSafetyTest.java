package io.trailwatch.alert.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSafetyTest {

    @Test
    void slackMrkdwnCannotFormLinksMentionsOrFormatting() {
        String escaped = TextSafety.slackMrkdwn("<!channel> <https://evil|x> *b* & `c`");
        assertThat(escaped).doesNotContain("<").doesNotContain(">").contains("&lt;!channel&gt;").contains("&amp;")
                .doesNotContain("*b*").doesNotContain("`c`");
    }

    @Test
    void adaptiveCardTextCannotCallDateFunctions() {
        assertThat(TextSafety.adaptiveCardText("{{DATE(2017-02-14T06:08:39Z, SHORT)}}")).doesNotContain("{{");
    }

    @Test
    void serviceNowCodeTagsAreBrokenUp() {
        assertThat(TextSafety.serviceNowText("[code]<b>x</b>[/CODE]")).doesNotContainIgnoringCase("[code]")
                .doesNotContainIgnoringCase("[/code]").contains("<b>x</b>");
    }

    @Test
    void jsonStringContentEscapesQuotesBackslashesAndControls() {
        assertThat(TextSafety.jsonStringContent("a\"b\\c\nd\u0001")).isEqualTo("a\\\"b\\\\c\\nd\\u0001");
    }

    @Test
    void truncationAndSingleLines() {
        assertThat(TextSafety.truncate("abcdef", 4)).isEqualTo("abc…");
        assertThat(TextSafety.truncate("ab\uD83D\uDE00cd", 4)).isEqualTo("ab…");
        assertThat(TextSafety.singleLine("a\r\nb\tc")).isEqualTo("a  b c");
    }
}
