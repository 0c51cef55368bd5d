package io.trailwatch.query.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.common.rest.ApiException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageParamsTest {

    @Test
    void listsTakeRepeatedAndCommaSeparatedValuesOnce() {
        PageParams params = new PageParams(Map.of("accountId", List.of("111, 222", "111", " ")));
        assertThat(params.list("accountId")).containsExactly("111", "222");
        assertThat(params.list("region")).isEmpty();
    }

    @Test
    void listsOfKnownValuesNameTheWrongOne() {
        PageParams params = new PageParams(Map.of("severity", List.of("high,urgent")));
        assertThatThrownBy(() -> params.list("severity", Set.of("high", "low"))).isInstanceOf(ApiException.class)
                .hasMessage("'severity' must be among high, low, got 'urgent'");
    }

    @Test
    void textIsTrimmedAndBlankIsAbsentButRawIsAsTyped() {
        PageParams params = new PageParams(Map.of("principal", List.of("  alice "), "eventName", List.of("  ")));
        assertThat(params.text("principal")).isEqualTo("alice");
        assertThat(params.raw("principal")).isEqualTo("  alice ");
        assertThat(params.text("eventName")).isNull();
        assertThat(params.raw("missing")).isEmpty();
    }

    @Test
    void limitsAndBooleansAreChecked() {
        assertThat(new PageParams(Map.of("readOnly", List.of("TRUE"))).bool("readOnly")).isTrue();
        assertThatThrownBy(() -> new PageParams(Map.of("readOnly", List.of("yes"))).bool("readOnly"))
                .hasMessage("'readOnly' must be true or false, got 'yes'");
        String longText = "x".repeat(PageParams.MAX_TEXT + 1);
        assertThatThrownBy(() -> new PageParams(Map.of("principal", List.of(longText))).text("principal"))
                .hasMessageContaining("at most " + PageParams.MAX_TEXT + " characters");
        assertThatThrownBy(() -> new PageParams(Map.of("region", List.of("a\0b"))).list("region"))
                .hasMessageContaining("U+0000");
        List<String> many = Collections.nCopies(1, String.join(",", java.util.stream.IntStream.range(0, 101)
                .mapToObj(String::valueOf).toList()));
        assertThatThrownBy(() -> new PageParams(Map.of("accountId", many)).list("accountId"))
                .hasMessage("'accountId' may have at most 100 values, got 101");
    }
}
