package io.trailwatch.localstack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.infra.DataDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ground-truth check end to end, short: two simulated hours (one round of every scenario after the outlier
 * detector's warm-up) through the four packaged services on real infrastructure, S3 notifications included. Every
 * scenario must raise every finding the simulator's ground truth expects, and every CIS-pattern finding must be
 * explained by it. A full day is {@code ./trailwatch verify-scenarios}.
 */
class VerifyScenariosIT {

    @Test
    void twoSimulatedHoursRaiseExactlyTheFindingsTheGroundTruthExpects() throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("trailwatch-verify-it");
        System.setProperty("trailwatch.logdir", data.resolve("logs").toString());
        Path home = Path.of(System.getProperty("trailwatch.home", "..")).toAbsolutePath().normalize();
        VerifyOptions options = new VerifyOptions(42, LocalDate.of(2026, 11, 27), 2, data);

        VerifyScenariosCommand.Verification v = VerifyScenariosCommand.replay(options, home, data,
                Map.of("TRAILWATCH_ADMIN_PASSWORD", "it-admin"), line -> System.out.println("[verify] " + line));
        String report = VerifyReport.format("VerifyScenariosIT", v);
        System.out.println(report);

        assertThat(v.result().runs()).as(report).isEqualTo(14);
        assertThat(v.result().misses()).as(report).isEmpty();
        assertThat(v.result().unexplainedPatternFindings()).as(report).isEmpty();
        DataDirectory.delete(data);
    }
}
