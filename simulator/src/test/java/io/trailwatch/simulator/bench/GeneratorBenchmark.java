package io.trailwatch.simulator.bench;

import io.trailwatch.simulator.CloudTrailGenerator;
import io.trailwatch.simulator.SimulationConfig;
import io.trailwatch.simulator.delivery.GeneratorOutput;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.org.OrganisationConfig;
import io.trailwatch.simulator.scenario.ScenarioRun;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import io.trailwatch.simulator.traffic.Rhythm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Compressed-time generation throughput on one thread: records built, classified, serialised, gzipped and cut
 * into files. Each invocation generates 10 simulated seconds at a flat 1,000 events/s, so the score is events/s.
 * Run: see simulator/README.md ("Performance").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:+UseParallelGC"})
public class GeneratorBenchmark {

    private static final int RATE = 1000;
    private static final int STEP_SECONDS = 10;

    private CloudTrailGenerator generator;
    private long now;

    @Setup(Level.Trial)
    public void setUp() {
        Instant start = Instant.parse("2026-11-27T00:00:00Z");
        generator = new CloudTrailGenerator(new SimulationConfig(42, OrganisationConfig.defaults(), start, RATE,
                Rhythm.flat(), ScenarioSchedule.demo(), 6));
        now = start.getEpochSecond();
    }

    @Benchmark
    @OperationsPerInvocation(RATE * STEP_SECONDS)
    public void generate(Blackhole blackhole) {
        now += STEP_SECONDS;
        generator.generateUntil(now, new GeneratorOutput() {
            @Override
            public void file(LogFile file) {
                blackhole.consume(file.content());
            }

            @Override
            public void scenarioCompleted(ScenarioRun run) {
                blackhole.consume(run);
            }
        });
    }
}
