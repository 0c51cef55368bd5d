package io.trailwatch.rules.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.rules.engine.rule.RuleSet;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole default rule pack (built-in CIS rules at the newest benchmark) over {@link EventMix}. Each
 * invocation handles {@value #EVENTS} records, so the reported ops/s are records per second on one thread,
 * i.e. per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class RuleSetBenchmark {

    static final int EVENTS = 10_000;

    private final ObjectMapper mapper = new ObjectMapper();
    private RuleSet rules;
    private byte[][] raw;
    private JsonNode[] parsed;

    @Setup
    public void setUp() throws IOException {
        rules = RuleSet.builtin();
        List<byte[]> records = EventMix.generate(EVENTS, 20261127L);
        raw = records.toArray(byte[][]::new);
        parsed = new JsonNode[raw.length];
        long bytes = 0;
        int matching = 0;
        for (int i = 0; i < raw.length; i++) {
            parsed[i] = mapper.readTree(raw[i]);
            bytes += raw[i].length;
            if (!rules.match(parsed[i]).isEmpty()) {
                matching++;
            }
        }
        System.err.printf("%nevent mix: %d records, %d bytes on average, %.1f%% match at least one rule%n",
                raw.length, bytes / raw.length, 100.0 * matching / raw.length);
    }

    /** (a) Matching records that are already parsed (the rules-service parses once for every consumer). */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void matchParsed(Blackhole blackhole) {
        for (JsonNode record : parsed) {
            blackhole.consume(rules.match(record));
        }
    }

    /** (b) Parsing each record from its bytes with Jackson, then matching it. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void parseAndMatch(Blackhole blackhole) throws IOException {
        for (byte[] record : raw) {
            blackhole.consume(rules.match(mapper.readTree(record)));
        }
    }
}
