package io.trailwatch.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PeakMemoryTest {

    @Test
    void readsVmHwmFromAStatusFile() {
        String status = """
                Name:\tjava
                VmPeak:\t 4329252 kB
                VmSize:\t 4329252 kB
                VmHWM:\t  858288 kB
                VmRSS:\t  812000 kB
                """;
        assertThat(PeakMemory.parse(status)).hasValue(858_288);
    }

    @Test
    void aStatusWithoutVmHwmHasNoPeak() {
        assertThat(PeakMemory.parse("Name:\tkthreadd\nState:\tS (sleeping)\n")).isEmpty();
    }

    @Test
    void thisProcessHasAPeakOnLinux() {
        OptionalLong peak = PeakMemory.peakKib(ProcessHandle.current().pid());
        assertThat(peak).isPresent();
        assertThat(peak.getAsLong()).isPositive();
    }

    @Test
    void aProcessThatDoesNotExistHasNoPeak() {
        assertThat(PeakMemory.peakKib(Long.MAX_VALUE)).isEmpty();
    }
}
