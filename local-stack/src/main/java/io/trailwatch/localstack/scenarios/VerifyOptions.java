package io.trailwatch.localstack.scenarios;

import io.trailwatch.localstack.bench.OptionReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@code ./trailwatch verify-scenarios} replays.
 *
 * @param day     the simulated day, replayed from 00:00 UTC
 * @param hours   how much of it (2 to 24)
 * @param dataDir where the stack keeps its data, or null for a temporary directory removed afterwards
 */
public record VerifyOptions(long seed, LocalDate day, int hours, Path dataDir) {

    public static final long DEFAULT_SEED = 42;
    public static final LocalDate DEFAULT_DAY = LocalDate.of(2026, 11, 27);
    public static final int DEFAULT_HOURS = 24;

    public static VerifyOptions parse(List<String> args) {
        OptionReader options = new OptionReader("verify-scenarios", args);
        long seed = DEFAULT_SEED;
        LocalDate day = DEFAULT_DAY;
        int hours = DEFAULT_HOURS;
        Path dataDir = null;
        while (options.hasNext()) {
            String option = options.next();
            switch (option) {
                case "--seed" -> seed = options.anyLong(option);
                case "--day" -> day = options.date(option);
                case "--hours" -> {
                    long value = options.positiveLong(option);
                    if (value < 2 || value > 24) {
                        throw new IllegalArgumentException("verify-scenarios: --hours must be 2 to 24, got " + value);
                    }
                    hours = (int) value;
                }
                case "--data-dir" -> dataDir = options.path(option);
                default -> throw options.unknown(option);
            }
        }
        return new VerifyOptions(seed, day, hours, dataDir);
    }
}
