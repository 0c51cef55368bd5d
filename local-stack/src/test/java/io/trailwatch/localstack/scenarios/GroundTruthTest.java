package io.trailwatch.localstack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {

    @TempDir
    Path dir;

    @Test
    void readsTheSimulatorsThreeLineTypes() throws IOException {
        Path file = write("""
                {"type":"meta","generator":"trailwatch-simulator","seed":42,"patterns":{"cis-console-auth-failures":\
                {"cisV6":"5.6","pattern":"{}"},"cis-console-signin-without-mfa":{"cisV6":"5.2","pattern":"{}"}}}
                {"type":"event","eventID":"e1","eventTime":"2026-11-27T00:00:25Z","recipientAccountId":"111122223333",\
                "awsRegion":"us-east-1","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin",\
                "userIdentityType":"IAMUser","origin":"scenario","run":"console-brute-force#0",\
                "expectedRules":["cis-console-auth-failures"],"objectKey":"k","deliveryTime":"2026-11-27T00:01:17Z"}
                {"type":"event","eventID":"e2","eventTime":"2026-11-27T00:02:00Z","recipientAccountId":"111122223333",\
                "origin":"background","run":null,"expectedRules":["cis-console-signin-without-mfa"]}

                {"type":"scenario","run":"console-brute-force#0","scenario":"console-brute-force",\
                "start":"2026-11-27T00:00:20Z","end":"2026-11-27T00:03:49Z","accounts":["111122223333"],\
                "regions":["us-east-1"],"expectedRules":["cis-console-auth-failures","outlier-console-auth-failures"],\
                "eventIDs":["e1"],"summary":"56 failed console sign-ins"}
                """);
        GroundTruth truth = GroundTruth.read(file);
        assertThat(truth.patternRuleIds()).containsExactlyInAnyOrder("cis-console-auth-failures",
                "cis-console-signin-without-mfa");
        assertThat(truth.events()).hasSize(2);
        assertThat(truth.events().get(0).fromScenario()).isTrue();
        assertThat(truth.events().get(0).run()).isEqualTo("console-brute-force#0");
        assertThat(truth.events().get(1).fromScenario()).isFalse();
        assertThat(truth.events().get(1).run()).isNull();
        GroundTruth.ScenarioRun run = truth.scenarios().get(0);
        assertThat(run.start()).isEqualTo(Instant.parse("2026-11-27T00:00:20Z"));
        assertThat(run.expectedRules()).contains("outlier-console-auth-failures");
        assertThat(run.accounts()).containsExactly("111122223333");
        assertThat(run.eventIds()).containsExactly("e1");
    }

    @Test
    void aFileThatIsNotAGroundTruthIsNamedInTheError() throws IOException {
        Path noMeta = write("{\"type\":\"event\",\"eventID\":\"e\",\"eventTime\":\"2026-11-27T00:00:00Z\"}\n");
        assertThatThrownBy(() -> GroundTruth.read(noMeta)).hasMessageContaining(noMeta.toString())
                .hasMessageContaining("no meta line");
        Path notJson = write("{\"type\":\"meta\"}\nnot json\n");
        assertThatThrownBy(() -> GroundTruth.read(notJson)).hasMessageContaining("line 2 is not JSON");
        Path badTime = write("{\"type\":\"meta\"}\n{\"type\":\"event\",\"eventID\":\"e\",\"eventTime\":\"noon\"}\n");
        assertThatThrownBy(() -> GroundTruth.read(badTime)).hasMessageContaining("line 2: eventTime 'noon'");
        Path unknown = write("{\"type\":\"meta\"}\n{\"type\":\"weather\"}\n");
        assertThatThrownBy(() -> GroundTruth.read(unknown)).hasMessageContaining("unknown ground-truth line type");
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "truth", ".jsonl");
        return Files.writeString(file, content);
    }
}
