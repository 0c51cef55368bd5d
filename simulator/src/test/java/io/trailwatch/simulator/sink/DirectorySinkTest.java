package io.trailwatch.simulator.sink;

import io.trailwatch.simulator.TrafficSimulator;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DirectorySinkTest {

    @Test
    void writesEveryFileAtItsKeyWithNothingElseLeftBehind(@TempDir Path dir) throws IOException {
        List<LogFile> seen = new ArrayList<>();
        TrafficSimulator.builder().seed(5).start(Instant.parse("2026-11-27T10:00:00Z"))
                .duration(Duration.ofMinutes(30)).eventsPerSecond(2).scenarios(ScenarioSchedule.demo())
                .asFastAsPossible().sink(Sinks.directory(dir.resolve("out"))).groundTruth(dir.resolve("gt.jsonl"))
                .listener(new io.trailwatch.simulator.SimulatorListener() {
                    @Override
                    public void fileDelivered(LogFile file) {
                        seen.add(file);
                    }
                }).build().start().await();

        assertThat(seen).isNotEmpty();
        for (LogFile f : seen) {
            Path p = dir.resolve("out").resolve(f.key());
            assertThat(Files.readAllBytes(p)).isEqualTo(f.content());
        }
        try (Stream<Path> all = Files.walk(dir.resolve("out"))) {
            List<Path> files = all.filter(Files::isRegularFile).toList();
            assertThat(files).hasSize(seen.size());
            assertThat(files).allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".json.gz"));
        }
        assertThat(Files.readAllLines(dir.resolve("gt.jsonl")).get(0)).startsWith("{\"type\":\"meta\"");
    }

    @Test
    void anUnwritableDirectoryIsReportedNotSkipped(@TempDir Path dir) throws IOException {
        Path blocker = dir.resolve("blocked");
        Files.writeString(blocker, "a file where a directory should be");
        LogFileSink sink = new RetryingSink(Sinks.directory(blocker), 2, Duration.ofMillis(1), Duration.ofMillis(1));
        LogFile file = new LogFile("AWSLogs/o-abcdefghij/111122223333/CloudTrail/us-east-1/2026/11/27/x.json.gz",
                "111122223333", "us-east-1", 0, new byte[] {1}, 1, List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sink.deliver(file))
                .isInstanceOf(SinkException.class).hasMessageContaining("x.json.gz")
                .hasMessageContaining("after 2 attempts");
    }
}
