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
    void findsTheSameRecordsWhateverSizeTheReadsHaveEvenWithAnEscapeSplitAcrossTwoReads() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add("{\"eventID\":\"" + i + "\",\"s\":\"" + "\\\\\\\"]}".repeat(i % 7) + "\",\"a\":[{\"b\":\"}\"}]}");
        }
        String file = "{\"Records\":[" + String.join(",", expected) + "]}";
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 2, 3, 5, 7, 64, 1000}) {
            List<String> records = new ArrayList<>();
            new CloudTrailFileSplitter(new ChunkedInputStream(bytes, chunk), 1 << 20, 1000)
                    .split((index, json, size, scanned) -> {
                        assertThat(scanned.malformed()).isNull();
                        assertThat(scanned.eventID()).isEqualTo(String.valueOf(index));
                        records.add(new String(json, StandardCharsets.UTF_8));
                    });
            assertThat(records).as("reads of %d bytes", chunk).containsExactlyElementsOf(expected);
        }
    }

    /** Hands out at most {@code chunk} bytes per read, so every byte of the file ends a read at some chunk size. */
    private static final class ChunkedInputStream extends ByteArrayInputStream {
        private final int chunk;

        ChunkedInputStream(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }

    @Test
    void handsOverAMalformedRecordWithItsProblemAndGoesOnWithTheNextOne() {
        String bad = "{\"eventID\":\"a\",\"n\":01,\"s\":\"] } still inside\"}";
        String good = "{\"eventID\":\"b\"}";
        List<ScannedRecord> scanned = new ArrayList<>();
        List<String> records = new ArrayList<>();
        new CloudTrailFileSplitter(in("{\"Records\":[" + bad + ", " + good + "]}"), 1 << 20, 10)
                .split((index, json, size, fields) -> {
                    scanned.add(fields);
                    records.add(new String(json, StandardCharsets.UTF_8));
                });
        assertThat(records).containsExactly(bad, good);
        assertThat(scanned.get(0).malformed()).isEqualTo("found '1', expected ',' or '}' in an object at byte 20 of the record");
        assertThat(scanned.get(1).malformed()).isNull();
        assertThat(scanned.get(1).eventID()).isEqualTo("b");
    }

    @Test
    void reportsAnOversizedRecordThatSpansManyReads() {
        String big = "{\"eventID\":\"" + "x".repeat(300_000) + "\"}";
        byte[] file = ("{\"Records\":[{\"eventID\":\"a\"}," + big + ",{\"eventID\":\"b\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        new CloudTrailFileSplitter(new ChunkedInputStream(file, 5000), 100_000, 10)
                .split((index, json, size, scanned) -> {
                    sizes.add(size);
                    ids.add(scanned == null ? null : scanned.eventID());
                });
        assertThat(ids).containsExactly("a", null, "b");
        assertThat(sizes.get(1)).isEqualTo(big.length());
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
                .split((index, json, size, scanned) -> {
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
                .split((index, json, size, scanned) -> records.add(new String(json, StandardCharsets.UTF_8)));
        return records;
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
