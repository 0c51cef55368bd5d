package io.trailwatch.query.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrettyJsonTest {

    @Test
    void indentsAndKeepsNumbersAndOrder() {
        assertThat(PrettyJson.of("{\"b\":1.50,\"a\":[1,{\"c\":null}]}"))
                .isEqualTo("{\n  \"b\" : 1.50,\n  \"a\" : [ 1, {\n    \"c\" : null\n  } ]\n}");
    }

    @Test
    void textThatIsNotJsonIsShownAsItIs() {
        assertThat(PrettyJson.of("<script>x</script>")).isEqualTo("<script>x</script>");
        assertThat(PrettyJson.of((String) null)).isNull();
    }
}
