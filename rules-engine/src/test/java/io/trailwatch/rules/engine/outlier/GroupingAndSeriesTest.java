package io.trailwatch.rules.engine.outlier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.rules.engine.testing.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupingAndSeriesTest {

    private static final JsonNode LOGIN = Json.parse("""
            {"recipientAccountId": "111122223333", "awsRegion": "us-east-1", "sourceIPAddress": "192.0.2.45",
             "eventName": "ConsoleLogin", "eventSource": "signin.amazonaws.com", "readOnly": false,
             "userIdentity": {"type": "IAMUser", "accountId": "111122223333", "userName": "alice",
                              "arn": "arn:aws:iam::111122223333:user/alice"},
             "resources": [{"ARN": "arn:aws:kms:eu-west-1:111122223333:key/1"}]}""");
    private static final JsonNode UNKNOWN_USER = Json.parse("""
            {"userIdentity": {"type": "IAMUser", "userName": "HIDDEN_DUE_TO_SECURITY_REASONS"}}""");

    @Test
    void aliasesNameTheFieldsAnalystsThinkIn() {
        assertThat(GroupBy.parse("accountId").groupOf(LOGIN)).isEqualTo("111122223333");
        assertThat(GroupBy.parse("principal").groupOf(LOGIN)).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(GroupBy.parse("principal").groupOf(UNKNOWN_USER)).isEqualTo("HIDDEN_DUE_TO_SECURITY_REASONS");
        assertThat(GroupBy.parse("sourceIPAddress").groupOf(LOGIN)).isEqualTo("192.0.2.45");
        assertThat(GroupBy.parse("region").groupOf(LOGIN)).isEqualTo("us-east-1");
        assertThat(GroupBy.parse("userName").groupOf(LOGIN)).isEqualTo("alice");
        assertThat(GroupBy.parse("eventName").groupOf(LOGIN)).isEqualTo("ConsoleLogin");
    }

    @Test
    void anyRecordPathWorks() {
        assertThat(GroupBy.parse("userIdentity.type").groupOf(LOGIN)).isEqualTo("IAMUser");
        assertThat(GroupBy.parse("$.userIdentity.accountId").groupOf(LOGIN)).isEqualTo("111122223333");
        assertThat(GroupBy.parse("resources[0].ARN").groupOf(LOGIN)).isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/1");
        assertThat(GroupBy.parse("readOnly").groupOf(LOGIN)).isEqualTo("false");
        assertThat(GroupBy.parse("userIdentity").groupOf(LOGIN)).isEqualTo(GroupBy.MISSING);
        assertThat(GroupBy.parse("errorCode").groupOf(LOGIN)).isEqualTo(GroupBy.MISSING);
        assertThat(GroupBy.parse("resources[3].ARN").groupOf(LOGIN)).isEqualTo(GroupBy.MISSING);
        assertThat(GroupBy.parse("accountId")).hasToString("accountId");
    }

    @Test
    void noFieldMeansOneGroup() {
        assertThat(GroupBy.none().groupOf(LOGIN)).isEqualTo(GroupBy.ALL);
        assertThat(GroupBy.parse(null).groupOf(LOGIN)).isEqualTo("all");
        assertThat(GroupBy.parse(" ").field()).isNull();
    }

    @Test
    void invalidPathsAreRejected() {
        for (String bad : new String[] {"a..b", "a b", "a[x]", "$", "userIdentity."}) {
            assertThatThrownBy(() -> GroupBy.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid group-by field '" + bad + "'");
        }
    }

    @Test
    void seriesRunFromEachGroupsFirstToLastSliceWithEmptySlicesAsZero() {
        OutlierSeries series = new OutlierSeries(OutlierParameters.defaults().withWindow(2));
        series.add("b", Instant.parse("2026-11-27T10:01:00Z"));
        series.add("a", Instant.parse("2026-11-27T10:16:00Z"));
        series.add("a", Instant.parse("2026-11-27T10:02:00Z"));
        series.add("a", Instant.parse("2026-11-27T10:04:59Z"));
        series.add("a", Instant.parse("2026-11-27T10:19:00Z"));
        List<String> lines = new ArrayList<>();
        series.forEachVerdict((group, v) -> lines.add(group + " " + v.slice() + " " + v.value() + " " + v.mean()));
        assertThat(lines).containsExactly(
                "a 2026-11-27T10:00:00Z 2 null",
                "a 2026-11-27T10:05:00Z 0 null",
                "a 2026-11-27T10:10:00Z 0 1.0",
                "a 2026-11-27T10:15:00Z 2 0.0",
                "b 2026-11-27T10:00:00Z 1 null");
    }

    @Test
    void aGroupSpanningTooManySlicesIsRefused() {
        OutlierSeries series = new OutlierSeries(OutlierParameters.defaults().withTimeslice(Duration.ofSeconds(1)));
        series.add("x", Instant.parse("2026-11-27T10:00:00Z"));
        series.add("x", Instant.parse("2026-12-27T10:00:00Z"));
        assertThatThrownBy(() -> series.forEachVerdict((g, v) -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("group 'x' spans 2592001 slices from 2026-11-27T10:00:00Z to 2026-12-27T10:00:00Z");
    }
}
