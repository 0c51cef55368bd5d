package io.trailwatch.collector.service;

import io.trailwatch.collector.bench.SimulatedTraffic;
import io.trailwatch.simulator.delivery.LogFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The collector's per-record work before Kafka, on one thread: gunzip, split into records (scanning each once for
 * well-formed JSON and the fields the collector needs), validate (and hash the eventID for the duplicate filter). One invocation reads a {@value #RECORDS}-record file of simulated
 * organisation traffic, so ops/s are records per second per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class IntakeParseBenchmark {

    static final int RECORDS = 20_000;

    private byte[] gzipped;
    private RecordValidator validator;

    @Setup
    public void setUp() throws IOException {
        List<String> records = new ArrayList<>();
        for (LogFile file : SimulatedTraffic.generate(20, 100, null)) {
            for (String record : SimulatedTraffic.records(file)) {
                if (records.size() < RECORDS) {
                    records.add(record);
                }
            }
        }
        if (records.size() < RECORDS) {
            throw new IllegalStateException("the simulator made only " + records.size() + " records");
        }
        byte[] json = ("{\"Records\":[" + String.join(",", records) + "]}").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(json);
        }
        gzipped = out.toByteArray();
        validator = new RecordValidator();
        System.err.printf("%nfile: %d records, %d bytes of JSON (%d per record), %d bytes gzipped%n", RECORDS,
                json.length, json.length / RECORDS, gzipped.length);
    }

    private InputStream file() throws IOException {
        return new GZIPInputStream(new ByteArrayInputStream(gzipped), 65_536);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long gunzip() throws IOException {
        byte[] buffer = new byte[65_536];
        long total = 0;
        try (InputStream in = file()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        }
        return total;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void gunzipAndSplit(Blackhole blackhole) throws IOException {
        try (InputStream in = file()) {
            new CloudTrailFileSplitter(in, 1 << 20, 1_000_000)
                    .split((index, bytes, size, scanned) -> blackhole.consume(scanned));
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void gunzipSplitAndValidate(Blackhole blackhole) throws IOException {
        try (InputStream in = file()) {
            new CloudTrailFileSplitter(in, 1 << 20, 1_000_000).split((index, bytes, size, scanned) -> {
                RecordValidator.Result result = validator.validate(bytes, scanned);
                blackhole.consume(RecentEventIds.hash(result.record().eventID()));
                blackhole.consume(result);
            });
        }
    }
}
