package io.trailwatch.collector.bench;

import io.trailwatch.simulator.TrafficSimulator;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.sink.LogFileSink;
import io.trailwatch.simulator.traffic.Rhythm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** Realistic CloudTrail files for the benchmarks, from the simulator (a default organisation, flat rhythm). */
public final class SimulatedTraffic {

    private static final Pattern RECORD_START = Pattern.compile("\\{\"eventVersion\"");

    private SimulatedTraffic() {
    }

    /** The files of {@code minutes} of traffic at {@code eventsPerSecond}, each also handed to {@code target}. */
    public static List<LogFile> generate(int minutes, double eventsPerSecond, LogFileSink target) {
        List<LogFile> files = Collections.synchronizedList(new ArrayList<>());
        LogFileSink recording = new LogFileSink() {
            @Override
            public void deliver(LogFile file) throws io.trailwatch.simulator.sink.SinkException {
                if (target != null) {
                    target.deliver(file);
                }
                files.add(file);
            }

            @Override
            public String describe() {
                return target == null ? "memory" : target.describe();
            }

            @Override
            public void close() {
                if (target != null) {
                    target.close();
                }
            }
        };
        TrafficSimulator.builder()
                .seed(42)
                .start(Instant.parse("2026-11-27T09:00:00Z"))
                .duration(Duration.ofMinutes(minutes))
                .eventsPerSecond(eventsPerSecond)
                .rhythm(Rhythm.flat())
                .asFastAsPossible()
                .sink(recording)
                .build()
                .start()
                .await();
        return new ArrayList<>(files);
    }

    /** The records of a file, each exactly as written. */
    public static List<String> records(LogFile file) {
        String json;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file.content()))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = RECORD_START.matcher(json);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
        }
        List<String> records = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) - 1 : json.lastIndexOf(']');
            records.add(json.substring(starts.get(i), end));
        }
        return records;
    }
}
