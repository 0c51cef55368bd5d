package io.trailwatch.collector.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.contracts.RejectionReason;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudTrailFileSplitterTest {

    @Test
    void handsOverEachRecordExactlyAsWritten() {
        String first = "{\"eventID\" : \"a\", \"s\": \"brackets ] } [ { and \\\"quotes\\\" and \\\\\", \"n\": [1, {\"x\": -1.5e3}]}";
        String second = "{\"eventID\":\"b\",\"u\":\"\\u00e9\",\"t\":true,\"f\":null}";
        String file = "{\n  \"Records\" : [\n    " + first + ",\n    " + second + "\n  ]\n}\n";

        List<String> records = split(file, 1 << 20, 100);

        assertThat(records).containsExactly(first, second);
    }

    @Test
    void skipsOtherTopLevelMembersAroundRecords() {
        String file = "{\"before\": {\"Records\": \"not this\"}, \"Records\": [{\"eventID\":\"a\"}], \"after\": [1,2]}";
        assertThat(split(file, 1 << 20, 100)).containsExactly("{\"eventID\":\"a\"}");
    }

    @Test
    void acceptsAnEmptyRecordsArray() {
        assertThat(split("{\"Records\":[]}", 1 << 20, 100)).isEmpty();
    }

    @Test
    void reportsAnOversizedRecordWithoutKeepingItsBytes() {
        String big = "{\"eventID\":\"" + "x".repeat(200) + "\"}";
        List<Integer> sizes = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        new CloudTrailFileSplitter(in("{\"Records\":[" + big + ",{\"eventID\":\"b\"}]}"), 100, 10)
                .split((index, json, size) -> {
                    sizes.add(size);
                    bytes.add(json);
                });
        assertThat(sizes).containsExactly(big.length(), 15);
        assertThat(bytes.get(0)).isNull();
        assertThat(new String(bytes.get(1), StandardCharsets.UTF_8)).isEqualTo("{\"eventID\":\"b\"}");
    }

    @Test
    void refusesAJsonObjectWithoutRecords() {
        assertRejected("{\"digestStartTime\":\"2026-11-27T00:00:00Z\",\"logFiles\":[]}", RejectionReason.NOT_CLOUDTRAIL,
                "no \"Records\" array");
    }

    @Test
    void refusesRecordsThatIsNotAnArray() {
        assertRejected("{\"Records\": {\"eventID\":\"a\"}}", RejectionReason.NOT_CLOUDTRAIL, "not an array");
    }

    @Test
    void refusesInputThatIsNotJson() {
        assertRejected("<html>hello</html>", RejectionReason.NOT_JSON, "found '<' at byte 0");
        assertRejected("", RejectionReason.NOT_JSON, "input is empty");
        assertRejected("[1,2]", RejectionReason.NOT_JSON, "expected '{'");
    }

    @Test
    void refusesATruncatedFileNamingWhereItEnds() {
        assertRejected("{\"Records\":[{\"eventID\":\"a\"},{\"eventID\":\"b", RejectionReason.NOT_JSON,
                "ends early");
        assertRejected("{\"Records\":[{\"eventID\":\"a\"}", RejectionReason.NOT_JSON, "ends early");
    }

    @Test
    void refusesTrailingGarbage() {
        assertRejected("{\"Records\":[]} x", RejectionReason.NOT_JSON, "expected the end of the file");
    }

    @Test
    void refusesMoreRecordsThanAllowed() {
        assertThatThrownBy(() -> split("{\"Records\":[{},{},{}]}", 100, 2))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.TOO_MANY_RECORDS))
                .hasMessageContaining("more than 2 records");
    }

    private static void assertRejected(String file, RejectionReason reason, String message) {
        assertThatThrownBy(() -> split(file, 1 << 20, 100))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }

    private static List<String> split(String file, int maxRecordBytes, int maxRecords) {
        List<String> records = new ArrayList<>();
        new CloudTrailFileSplitter(in(file), maxRecordBytes, maxRecords)
                .split((index, json, size) -> records.add(new String(json, StandardCharsets.UTF_8)));
        return records;
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
