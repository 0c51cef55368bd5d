package io.trailwatch.simulator.cli;

import io.trailwatch.simulator.scenario.ScenarioLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generateWritesTheLayoutAndGroundTruthAndIsRepeatable(@TempDir Path dir) throws IOException {
        String[] args = {"generate", "--seed", "42", "--start", "2026-11-27T00:00:00Z", "--duration", "20m",
            "--rate", "2", "--accounts", "3", "--regions", "us-east-1,eu-west-1", "--org-id", "o-abcdef1234",
            "--out", dir.resolve("a").toString()};
        assertThat(run(Map.of(), args)).isEqualTo(0);
        assertThat(stdout()).contains("done:").contains("ground truth:");
        List<Path> a = files(dir.resolve("a"));
        assertThat(a).isNotEmpty().allSatisfy(p -> assertThat(p.toString()).contains("AWSLogs/o-abcdef1234/"));
        assertThat(dir.resolve("a/ground-truth.jsonl")).exists();

        args[args.length - 1] = dir.resolve("b").toString();
        assertThat(run(Map.of(), args)).isEqualTo(0);
        List<Path> b = files(dir.resolve("b"));
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(dir.resolve("b").relativize(b.get(i))).isEqualTo(dir.resolve("a").relativize(a.get(i)));
            assertThat(Files.readAllBytes(b.get(i))).isEqualTo(Files.readAllBytes(a.get(i)));
        }
    }

    @Test
    void scenariosListsEveryScenarioWithItsRules() {
        assertThat(run(Map.of(), "scenarios")).isEqualTo(0);
        for (String name : ScenarioLibrary.names()) {
            assertThat(stdout()).contains(name);
        }
        assertThat(stdout()).contains("outlier-console-auth-failures").contains("cis-organizations-changes");
    }

    @Test
    void userErrorsGetAClearMessageAndExitCodeTwo(@TempDir Path dir) {
        assertThat(run(Map.of(), "generate", "--duration", "soon", "--out", dir.toString())).isEqualTo(2);
        assertThat(stderr()).contains("--duration 'soon' is not a duration").doesNotContain("Exception");

        assertThat(run(Map.of(), "generate", "--regions", "eu-west-1", "--out", dir.toString())).isEqualTo(2);
        assertThat(stderr()).contains("must include us-east-1");

        assertThat(run(Map.of(), "generate", "--scenarios", "brute", "--out", dir.toString())).isEqualTo(2);
        assertThat(stderr()).contains("unknown scenario 'brute'").contains("console-brute-force");

        assertThat(run(Map.of(), "stream", "--sink", "http", "--intake-url", "http://127.0.0.1:1", "--user",
                "admin")).isEqualTo(2);
        assertThat(stderr()).contains("no password for intake user 'admin'").contains(Main.ENV_INTAKE_PASSWORD);

        assertThat(run(Map.of(), "generate", "--frobnicate")).isEqualTo(2);
        assertThat(stderr()).contains("unknown option --frobnicate");

        assertThat(run(Map.of(), "explode")).isEqualTo(2);
        assertThat(stderr()).contains("unknown command 'explode'");

        assertThat(run(Map.of(), "stream", "--sink", "s3")).isEqualTo(2);
        assertThat(stderr()).contains("the s3 sink needs --bucket NAME");
    }

    @Test
    void aSinkThatFailsEndsWithExitCodeOne(@TempDir Path dir) throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a directory");
        assertThat(run(Map.of(), "generate", "--duration", "10m", "--rate", "1", "--retries", "1", "--out",
                blocker.toString(), "--ground-truth", dir.resolve("gt.jsonl").toString())).isEqualTo(1);
        assertThat(stderr()).contains("error: could not deliver").contains("after 1 attempts");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run(Map.of(), "--help")).isEqualTo(0);
        assertThat(stdout()).contains("generate").contains("stream").contains("--sink dir|s3|http");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList();
        }
    }
}
