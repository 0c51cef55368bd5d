package io.trailwatch.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsAreAFewMinutesRun() {
        BenchOptions o = BenchOptions.parse(List.of());
        assertThat(o.events()).isEqualTo(200_000);
        assertThat(o.seed()).isEqualTo(42);
        assertThat(o.rate()).isEqualTo(2000);
        assertThat(o.speed()).isEqualTo(10);
        assertThat(o.warmupSeconds()).isEqualTo(60);
        assertThat(o.latencySeconds()).isEqualTo(120);
        assertThat(o.dataDir()).isNull();
    }

    @Test
    void everyOptionIsRead() {
        BenchOptions o = BenchOptions.parse(List.of("--events", "50_000", "--seed", "-7", "--rate", "500",
                "--speed", "1", "--warmup-seconds", "5", "--latency-seconds", "30", "--data-dir", "/tmp/x/../bench"));
        assertThat(o).isEqualTo(new BenchOptions(50_000, -7, 500, 1, 5, 30, Path.of("/tmp/bench")));
    }

    @Test
    void wrongValuesNameTheOption() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--events", "many")))
                .hasMessage("bench: --events must be a positive whole number, got 'many'");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--events", "0")))
                .hasMessage("bench: --events must be a positive whole number, got '0'");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate", "-3")))
                .hasMessage("bench: --rate must be a positive number, got '-3'");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--seed")))
                .hasMessage("bench: --seed needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast")))
                .hasMessage("bench: unknown option --fast");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("now")))
                .hasMessage("bench: unexpected argument 'now'");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--latency-seconds", "100000")))
                .hasMessageContaining("at most 86400");
    }
}
