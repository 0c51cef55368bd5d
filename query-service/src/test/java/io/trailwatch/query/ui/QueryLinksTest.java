package io.trailwatch.query.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryLinksTest {

    @Test
    void queryKeepsFiltersInOrderEncodedAndDropsTheRest() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("principal", List.of("arn:aws:iam::1:user/a b"));
        params.put("cursor", List.of("abc"));
        params.put("severity", List.of("high", "", "low"));
        assertThat(QueryLinks.query(params, Set.of("cursor")))
                .isEqualTo("principal=arn%3Aaws%3Aiam%3A%3A1%3Auser%2Fa+b&severity=high&severity=low");
        assertThat(QueryLinks.url("/events", "")).isEqualTo("/events");
        assertThat(QueryLinks.with("a=1", "b", "&")).isEqualTo("a=1&b=%26");
    }

    @Test
    void parseReadsWhatQueryWrote() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("principal", List.of("a&b=c"));
        params.put("status", List.of("open", "resolved"));
        assertThat(QueryLinks.parse(QueryLinks.query(params, Set.of()))).isEqualTo(params);
        assertThat(QueryLinks.parse(null)).isEmpty();
        assertThat(QueryLinks.parse("flag&x=%zz")).containsEntry("flag", List.of("")).containsEntry("x", List.of("%zz"));
    }

    @Test
    void eventsAroundSpansAnHourEitherSide() {
        assertThat(QueryLinks.eventsAround("sourceIPAddress", "203.0.113.7", Instant.parse("2026-11-27T10:04:31Z")))
                .isEqualTo("/events?sourceIPAddress=203.0.113.7&from=2026-11-27T09%3A04%3A31Z&to=2026-11-27T11%3A04%3A31Z");
    }

    @Test
    void apiQueryReplacesThePresetWithExplicitTimes() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("range", List.of("7d"));
        params.put("accountId", List.of("111"));
        params.put("cursor", List.of("x"));
        TimeWindow window = new TimeWindow("7d", Instant.parse("2026-11-21T06:00:00Z"), null);
        assertThat(QueryLinks.apiQuery(params, window, Set.of("cursor")))
                .isEqualTo("accountId=111&from=2026-11-21T06%3A00%3A00Z");
    }
}
