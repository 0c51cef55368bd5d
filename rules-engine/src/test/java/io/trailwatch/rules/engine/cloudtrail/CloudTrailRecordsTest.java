package io.trailwatch.rules.engine.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudTrailRecordsTest {

    private static final String FILE = """
            {"Records": [
              {"eventID": "a", "eventName": "GetObject"},
              {"eventID": "b", "eventName": "PutObject", "requestParameters": {"key": "x"}},
              null
            ]}""";

    @TempDir
    Path dir;

    private static List<JsonNode> read(byte[] content, long max) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        CloudTrailRecords.forEach(new ByteArrayInputStream(content), "test.json", max, (i, r) -> records.add(r));
        return records;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    @Test
    void readsPlainFilesInOrder() throws IOException {
        List<Long> indexes = new ArrayList<>();
        List<JsonNode> records = new ArrayList<>();
        long count = CloudTrailRecords.forEach(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)), "f",
                1000, (i, r) -> {
                    indexes.add(i);
                    records.add(r);
                });
        assertThat(count).isEqualTo(3);
        assertThat(indexes).containsExactly(0L, 1L, 2L);
        assertThat(records.get(0).get("eventID").textValue()).isEqualTo("a");
        assertThat(records.get(1).at("/requestParameters/key").textValue()).isEqualTo("x");
        assertThat(records.get(2).isNull()).isTrue();
    }

    @Test
    void detectsGzipFromTheContentNotTheName() throws IOException {
        Path file = dir.resolve("111122223333_CloudTrail_eu-west-1_20261127T1005Z_abc.json");
        Files.write(file, gzip(FILE.getBytes(StandardCharsets.UTF_8)));
        List<String> ids = new ArrayList<>();
        assertThat(CloudTrailRecords.forEach(file, (i, r) -> ids.add(r.path("eventID").asText(null)))).isEqualTo(3);
        assertThat(ids).containsExactly("a", "b", null);
    }

    @Test
    void skipsOtherTopLevelFields() throws IOException {
        String content = "{\"Meta\": {\"Records\": 1}, \"Records\": [{\"eventID\": \"z\"}], \"More\": [1, 2]}";
        assertThat(read(content.getBytes(StandardCharsets.UTF_8), 1000)).hasSize(1);
        assertThat(read("{\"Records\": []}".getBytes(StandardCharsets.UTF_8), 1000)).isEmpty();
    }

    @Test
    void rejectsWhatIsNotACloudTrailFile() {
        assertError("[{\"eventID\": \"a\"}]", "test.json: expected a JSON object with a \"Records\" array");
        assertError("{\"records\": []}", "test.json: no \"Records\" array (not a CloudTrail log file)");
        assertError("{\"Records\": {}}", "test.json: \"Records\" is not an array");
        assertError("{\"Records\": []} {}", "test.json: unexpected content after the top-level object");
        assertError("", "test.json: expected a JSON object with a \"Records\" array");
        assertError("{\"Records\": [{\"eventID\": \"a\"},\n  {\"eventID\": }]}",
                "test.json: not valid JSON at line 2, column 15: Unexpected character ('}'");
    }

    @Test
    void recordsBeforeAProblemAreHandedOver() {
        List<JsonNode> seen = new ArrayList<>();
        byte[] content = "{\"Records\": [{\"eventID\": \"a\"}, {\"eventID\": ".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CloudTrailRecords.forEach(new ByteArrayInputStream(content), "cut.json", 1000,
                (i, r) -> seen.add(r))).isInstanceOf(InvalidCloudTrailFileException.class)
                .hasMessageStartingWith("cut.json: not valid JSON");
        assertThat(seen).hasSize(1);
    }

    @Test
    void refusesMoreThanTheLimitAfterDecompression() throws IOException {
        byte[] big = ("{\"Records\": [{\"pad\": \"" + "x".repeat(10_000) + "\"}]}").getBytes(StandardCharsets.UTF_8);
        byte[] bomb = gzip(big);
        assertThat(bomb.length).isLessThan(1000);
        assertThatThrownBy(() -> read(bomb, 5000)).isInstanceOf(InvalidCloudTrailFileException.class)
                .hasMessage("test.json: more than 5000 bytes after decompression; refused");
        assertThat(read(bomb, big.length)).hasSize(1);
    }

    @Test
    void reportsCorruptAndTruncatedGzip() throws IOException {
        byte[] gz = gzip(FILE.getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(gz, gz.length / 2);
        assertThatThrownBy(() -> read(truncated, 1000)).isInstanceOf(InvalidCloudTrailFileException.class)
                .hasMessageStartingWith("test.json: truncated gzip data");
        byte[] corrupt = gz.clone();
        for (int i = 12; i < corrupt.length - 10; i++) {
            corrupt[i] ^= (byte) 0x5a;
        }
        assertThatThrownBy(() -> read(corrupt, 1000)).isInstanceOf(InvalidCloudTrailFileException.class)
                .hasMessageStartingWith("test.json: corrupt gzip data");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.json.gz");
        assertThatThrownBy(() -> CloudTrailRecords.forEach(missing, (i, r) -> { }))
                .isInstanceOf(InvalidCloudTrailFileException.class).hasMessage(missing + ": no such file");
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new FilterInputStream(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8))) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        CloudTrailRecords.forEach(in, "upload", 1000, (i, r) -> { });
        assertThat(closed[0]).isFalse();
    }

    private static void assertError(String content, String message) {
        assertThatThrownBy(() -> read(content.getBytes(StandardCharsets.UTF_8), 1000))
                .isInstanceOf(InvalidCloudTrailFileException.class).hasMessageStartingWith(message);
    }
}
