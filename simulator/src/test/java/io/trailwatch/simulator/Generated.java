package io.trailwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.org.OrganisationConfig;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import io.trailwatch.simulator.traffic.Rhythm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The output of one bounded simulator run, with helpers to read it back. */
final class Generated {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant FRIDAY_MORNING = Instant.parse("2026-11-27T06:00:00Z");

    private static Generated standard;

    final List<LogFile> files;
    final byte[] groundTruth;

    private Generated(List<LogFile> files, byte[] groundTruth) {
        this.files = files;
        this.groundTruth = groundTruth;
    }

    /** Six hours of a Friday for the default organisation, every scenario hourly; shared by the tests. */
    static synchronized Generated standardRun() {
        if (standard == null) {
            standard = run(TrafficSimulator.builder().seed(7).start(FRIDAY_MORNING).duration(Duration.ofHours(6))
                    .eventsPerSecond(2).scenarios(ScenarioSchedule.demo()));
        }
        return standard;
    }

    static Generated run(TrafficSimulator.Builder builder) {
        CollectingSink sink = new CollectingSink();
        ByteArrayOutputStream truth = new ByteArrayOutputStream();
        builder.sink(sink).groundTruth(truth).asFastAsPossible().build().start().await();
        return new Generated(sink.files(), truth.toByteArray());
    }

    static TrafficSimulator.Builder quiet(long seed, Instant start, Duration duration) {
        return TrafficSimulator.builder().seed(seed).start(start).duration(duration).eventsPerSecond(0.05)
                .rhythm(Rhythm.flat()).organisation(OrganisationConfig.defaults());
    }

    static List<JsonNode> records(LogFile file) {
        JsonNode root = parseFile(file.content());
        List<JsonNode> out = new ArrayList<>();
        root.get("Records").forEach(out::add);
        return out;
    }

    static JsonNode parseFile(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> allRecords() {
        List<JsonNode> out = new ArrayList<>();
        for (LogFile f : files) {
            out.addAll(records(f));
        }
        return out;
    }

    List<JsonNode> truthLines() {
        List<JsonNode> out = new ArrayList<>();
        for (String line : new String(groundTruth, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    List<JsonNode> truthLines(String type) {
        return truthLines().stream().filter(n -> n.path("type").asText().equals(type)).toList();
    }
}
