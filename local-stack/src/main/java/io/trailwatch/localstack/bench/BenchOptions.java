package io.trailwatch.localstack.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ./trailwatch bench} measures.
 *
 * @param events          size of the throughput run (events staged in S3, then announced at once)
 * @param seed            simulator seed; the same seed gives the same traffic (shifted to end now)
 * @param rate            wall-clock events per second of the latency run
 * @param speed           simulated seconds per wall second in the latency run: files arrive this much more often
 *                        and are this much smaller than in real time at the same event rate
 * @param warmupSeconds   latency run time before measuring (delivery reaches its steady state)
 * @param latencySeconds  latency run time measured
 * @param dataDir         where the stack keeps its data, or null for a temporary directory removed afterwards
 */
public record BenchOptions(long events, long seed, double rate, double speed, int warmupSeconds, int latencySeconds,
                           Path dataDir) {

    public static final long DEFAULT_EVENTS = 200_000;
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_RATE = 2000;
    public static final double DEFAULT_SPEED = 10;
    public static final int DEFAULT_WARMUP_SECONDS = 60;
    public static final int DEFAULT_LATENCY_SECONDS = 120;

    public static BenchOptions parse(List<String> args) {
        OptionReader options = new OptionReader("bench", args);
        long events = DEFAULT_EVENTS;
        long seed = DEFAULT_SEED;
        double rate = DEFAULT_RATE;
        double speed = DEFAULT_SPEED;
        int warmup = DEFAULT_WARMUP_SECONDS;
        int latency = DEFAULT_LATENCY_SECONDS;
        Path dataDir = null;
        while (options.hasNext()) {
            String option = options.next();
            switch (option) {
                case "--events" -> events = options.positiveLong(option);
                case "--seed" -> seed = options.anyLong(option);
                case "--rate" -> rate = options.positiveDouble(option);
                case "--speed" -> speed = options.positiveDouble(option);
                case "--warmup-seconds" -> warmup = seconds(options, option);
                case "--latency-seconds" -> latency = seconds(options, option);
                case "--data-dir" -> dataDir = options.path(option);
                default -> throw options.unknown(option);
            }
        }
        return new BenchOptions(events, seed, rate, speed, warmup, latency, dataDir);
    }

    private static int seconds(OptionReader options, String option) {
        long value = options.positiveLong(option);
        if (value > 86_400) {
            throw new IllegalArgumentException("bench: " + option + " must be at most 86400 seconds, got " + value);
        }
        return (int) value;
    }
}
