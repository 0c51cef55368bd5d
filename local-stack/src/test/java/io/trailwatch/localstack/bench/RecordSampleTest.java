package io.trailwatch.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.simulator.delivery.LogFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordSampleTest {

    @TempDir
    Path dir;

    @Test
    void measuresEveryRecordAndKeepsTheFirstOnesOnePerLine() throws IOException {
        String a = "{\"eventID\":\"a\",\"eventName\":\"GetObject\"}";
        String b = "{\"eventID\":\"b\",\"eventName\":\"PutObject\",\"errorMessage\":\"line one\\nline two\"}";
        String c = "{\"eventID\":\"c\"}";
        Path payload = dir.resolve("payload.jsonl");
        try (RecordSample sample = new RecordSample(payload, 2)) {
            sample.accept(file("{\"Records\":[" + a + ",\n" + b + "]}"));
            sample.accept(file("{\"Records\":[ " + c + " ]}"));
            assertThat(sample.records()).isEqualTo(3);
            assertThat(sample.averageRecordBytes()).isEqualTo(Math.round((a.length() + b.length() + c.length()) / 3.0));
        }
        assertThat(Files.readAllLines(payload)).containsExactly(a, b);
    }

    private static LogFile file(String json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return new LogFile("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/27/f.json.gz", "111122223333",
                "us-east-1", 0, bytes.toByteArray(), 2, List.of());
    }
}
