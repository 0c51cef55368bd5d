package io.trailwatch.rules.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI through its entry point, with captured stdout, stderr and exit status. */
class MainTest {

    private static final String RECORDS = """
            {"Records": [
              {"eventID": "e1", "eventTime": "2026-11-27T10:01:00Z", "eventName": "StopLogging",
               "eventSource": "cloudtrail.amazonaws.com", "userIdentity": {"type": "IAMUser", "userName": "mallory"},
               "recipientAccountId": "111122223333", "eventType": "AwsApiCall"},
              {"eventID": "e2", "eventTime": "2026-11-27T10:02:00Z", "eventName": "DescribeInstances",
               "eventSource": "ec2.amazonaws.com", "userIdentity": {"type": "IAMUser"}, "sourceIPAddress": "203.0.113.1",
               "recipientAccountId": "111122223333", "eventType": "AwsApiCall"},
              {"eventTime": "2026-11-27T10:03:00Z", "eventName": "ConsoleLogin", "eventSource": "signin.amazonaws.com",
               "userIdentity": {"type": "Root"}, "responseElements": {"ConsoleLogin": "Success"},
               "additionalEventData": {"MFAUsed": "No"}, "recipientAccountId": "111122223333",
               "eventType": "AwsConsoleSignIn"}
            ]}""";

    @TempDir
    Path dir;
    private Path file;

    record Result(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @BeforeEach
    void writeFile() throws IOException {
        file = dir.resolve("trail.json");
        Files.writeString(file, RECORDS);
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of(args), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void evalPrintsOneLinePerRecordInFileOrder() {
        Result r = run("eval", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly(
                "{\"eventID\":\"e1\",\"ruleIds\":[\"cis-cloudtrail-config-changes\"]}",
                "{\"eventID\":\"e2\",\"ruleIds\":[]}",
                "{\"eventID\":null,\"ruleIds\":[\"cis-console-signin-without-mfa\",\"cis-root-account-usage\"]}");
    }

    @Test
    void evalReadsGzipAndHonoursTheBenchmarkVersion() throws IOException {
        Path gz = dir.resolve("trail.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(RECORDS.getBytes(StandardCharsets.UTF_8));
        }
        Result r = run("eval", "--cis-version", "v1.4.0", gz.toString());
        assertThat(r.status()).isZero();
        // v1.3.0-v1.5.0's unauthorized-calls pattern joins its exclusions with || and matches nearly everything.
        assertThat(r.lines().get(1)).isEqualTo("{\"eventID\":\"e2\",\"ruleIds\":[\"cis-unauthorized-api-calls\"]}");
        assertThat(run("eval", "--cis-version=1.2", file.toString()).status()).isZero();
    }

    @Test
    void evalLoadsCustomRulesAndWarnsAboutBrokenOnes() throws IOException {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        Files.writeString(rules.resolve("describe.yml"), """
                id: acme-describe-instances
                title: DescribeInstances
                severity: info
                category: custom
                pattern: '{ $.eventName = DescribeInstances }'
                """);
        Files.writeString(rules.resolve("broken.yml"), "id: acme-broken\ntitle: x\n");
        Result r = run("eval", "--rules", rules.toString(), file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.lines().get(1)).isEqualTo("{\"eventID\":\"e2\",\"ruleIds\":[\"acme-describe-instances\"]}");
        assertThat(r.err()).isEqualTo("trailwatch-rules: warning: rule skipped: " + rules.resolve("broken.yml")
                + ": field 'severity' is required\n");
    }

    @Test
    void evalUsageErrors() {
        assertUsage(run("eval"), "missing FILE (a CloudTrail log file)");
        assertUsage(run("eval", file.toString(), "other.json"), "expected one FILE (a CloudTrail log file), got 2");
        assertUsage(run("eval", "--cis-version", "v9", file.toString()),
                "--cis-version: unknown CIS benchmark version 'v9'");
        assertUsage(run("eval", "--cis-version"), "--cis-version needs a value");
        assertUsage(run("eval", "--rules", dir.resolve("nope").toString(), file.toString()),
                "--rules: " + dir.resolve("nope") + " is not a directory");
        assertUsage(run("eval", "--verbose", file.toString()), "unknown option --verbose");
        assertUsage(run("eval", "--rules", "a", "--rules", "b", file.toString()), "--rules is given twice");
    }

    @Test
    void unreadableInputFilesFailWithAMessage() throws IOException {
        Result missing = run("eval", dir.resolve("missing.json").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("trailwatch-rules: error: " + dir.resolve("missing.json")
                + ": no such file\n");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"Records\": [{\"eventID\": \"a\"}, oops]}");
        Result invalid = run("eval", bad.toString());
        assertThat(invalid.status()).isEqualTo(1);
        assertThat(invalid.lines()).containsExactly("{\"eventID\":\"a\",\"ruleIds\":[]}");
        assertThat(invalid.err()).startsWith("trailwatch-rules: error: " + bad + ": not valid JSON at line 1, column ");
        Result directory = run("match", "--pattern", "{ $.a = 1 }", dir.toString());
        assertThat(directory.status()).isEqualTo(1);
        assertThat(directory.err()).contains("is a directory, not a CloudTrail log file");
    }

    @Test
    void matchTestsAPatternAgainstEveryRecord() {
        Result r = run("match", "--pattern", "{ $.userIdentity.type = IAMUser && $.eventName != StopLogging }",
                file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.lines()).containsExactly("{\"eventID\":\"e1\",\"match\":false}",
                "{\"eventID\":\"e2\",\"match\":true}", "{\"eventID\":null,\"match\":false}");
    }

    @Test
    void matchRejectsAnInvalidPatternWithItsPosition() {
        Result r = run("match", "--pattern", "{ $.eventName = }", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("""
                trailwatch-rules: invalid filter pattern at column 17: expected a value (a quoted string, a word, a \
                number or a %regex%), found '}'
                  { $.eventName = }
                                  ^
                """);
        assertUsage(run("match", file.toString()), "missing --pattern");
    }

    @Test
    void testRunsTheBuiltinPack() {
        Result r = run("test");
        assertThat(r.status()).isZero();
        assertThat(r.lines()).singleElement().asString().matches("[1-9][0-9]+ passed, 0 failed");
    }

    @Test
    void testReportsFailuresAndBrokenFilesOfADirectory() throws IOException {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.yml"), """
                id: acme-root
                title: Root
                severity: high
                category: custom
                pattern: '{ $.userIdentity.type = Root }'
                tests:
                  - name: root
                    expected: true
                    event: {"userIdentity": {"type": "Root"}}
                  - name: wrongly expected
                    expected: true
                    event: {"userIdentity": {"type": "IAMUser"}}
                """);
        Files.writeString(rules.resolve("b.yml"), "id: cis-vpc-changes\ntitle: x\nseverity: low\ncategory: custom\n"
                + "pattern: '{ $.a = 1 }'\n");
        Result r = run("test", rules.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.lines()).containsExactly(
                "ERROR " + rules.resolve("b.yml") + ": duplicate rule id 'cis-vpc-changes': already defined by "
                        + "builtin:rules/cis/cis-vpc-changes.yml",
                "FAIL acme-root [all] test 'wrongly expected': expected a match, got no match (" + rules.resolve("a.yml")
                        + ")",
                "1 passed, 2 failed");
    }

    @Test
    void testOfAnEmptyOrMissingDirectoryFails() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Result r = run("test", empty.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.lines()).containsExactly("0 passed, 0 failed");
        assertThat(r.err()).contains("no rule files (*.yml, *.yaml) found in " + empty);
        assertUsage(run("test", dir.resolve("missing").toString()), dir.resolve("missing") + " is not a directory");
        assertUsage(run("test", "a", "b"), "expected at most one DIR, got a b");
    }

    @Test
    void outliersPrintsTheSeriesOfEachGroup() throws IOException {
        StringBuilder records = new StringBuilder("{\"Records\": [");
        int[] perSlice = {1, 0, 2, 1, 9};
        String sep = "";
        for (int slice = 0; slice < perSlice.length; slice++) {
            for (int i = 0; i < perSlice[slice]; i++) {
                records.append(sep).append(String.format("""
                        {"eventID": "f%d-%d", "eventTime": "2026-11-27T10:%02d:%02dZ", "eventName": "ConsoleLogin",
                         "errorMessage": "Failed authentication", "recipientAccountId": "111122223333"}""",
                        slice, i, slice * 5 + 1, i));
                sep = ",";
            }
        }
        records.append(sep).append("""
                {"eventID": "other-account", "eventTime": "2026-11-27T09:59:59Z", "eventName": "ConsoleLogin",
                 "errorMessage": "Failed authentication", "recipientAccountId": "444455556666"},
                {"eventID": "undated", "eventName": "ConsoleLogin", "errorMessage": "Failed authentication"},
                {"eventID": "success", "eventTime": "2026-11-27T10:00:00Z", "eventName": "ConsoleLogin"}
                ]}""");
        Path logins = dir.resolve("logins.json");
        Files.writeString(logins, records);
        Result r = run("outliers", "--rule", "cis-console-auth-failures", "--by", "accountId", "--window", "3",
                logins.toString());
        assertThat(r.status()).isZero();
        assertThat(r.lines()).containsExactly(
                "{\"group\":\"111122223333\",\"slice\":\"2026-11-27T10:00:00Z\",\"value\":1,\"mean\":null,"
                        + "\"stddev\":null,\"upper\":null,\"lower\":null,\"indicator\":false,\"violation\":false}",
                "{\"group\":\"111122223333\",\"slice\":\"2026-11-27T10:05:00Z\",\"value\":0,\"mean\":null,"
                        + "\"stddev\":null,\"upper\":null,\"lower\":null,\"indicator\":false,\"violation\":false}",
                "{\"group\":\"111122223333\",\"slice\":\"2026-11-27T10:10:00Z\",\"value\":2,\"mean\":null,"
                        + "\"stddev\":null,\"upper\":null,\"lower\":null,\"indicator\":false,\"violation\":false}",
                "{\"group\":\"111122223333\",\"slice\":\"2026-11-27T10:15:00Z\",\"value\":1,\"mean\":1.0,"
                        + "\"stddev\":0.816496580927726,\"upper\":3.449489742783178,\"lower\":-1.4494897427831779,"
                        + "\"indicator\":false,\"violation\":false}",
                "{\"group\":\"111122223333\",\"slice\":\"2026-11-27T10:20:00Z\",\"value\":9,\"mean\":1.0,"
                        + "\"stddev\":0.816496580927726,\"upper\":3.449489742783178,\"lower\":-1.4494897427831779,"
                        + "\"indicator\":true,\"violation\":true}",
                "{\"group\":\"444455556666\",\"slice\":\"2026-11-27T09:55:00Z\",\"value\":1,\"mean\":null,"
                        + "\"stddev\":null,\"upper\":null,\"lower\":null,\"indicator\":false,\"violation\":false}");
        assertThat(r.err()).isEqualTo("trailwatch-rules: warning: 1 matching record(s) without a valid eventTime "
                + "were not counted\n");
    }

    @Test
    void outliersWithoutByPutsEverythingInOneGroupAndAppliesTheParameters() throws IOException {
        Result r = run("outliers", "--rule", "cis-root-account-usage", "--timeslice", "1h", "--window", "1",
                "--threshold", "0", "--consecutive", "2", "--direction", "+", "--min-count", "1", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.lines()).containsExactly("{\"group\":\"all\",\"slice\":\"2026-11-27T10:00:00Z\",\"value\":1,"
                + "\"mean\":null,\"stddev\":null,\"upper\":null,\"lower\":null,\"indicator\":false,\"violation\":false}");
        // A disabled (tuned) rule can still be counted.
        assertThat(run("outliers", "--rule", "cis-root-account-usage-tuned", file.toString()).lines()).hasSize(1);
    }

    @Test
    void outliersUsageErrors() {
        assertUsage(run("outliers", file.toString()), "missing --rule RULE_ID");
        assertUsage(run("outliers", "--rule", "nope", file.toString()), "--rule: no rule 'nope' in the rule set; "
                + "known rules: cis-aws-config-changes, ");
        assertUsage(run("outliers", "--rule", "cis-vpc-changes", "--window", "ten", file.toString()),
                "--window: 'ten' is not a number");
        assertUsage(run("outliers", "--rule", "cis-vpc-changes", "--window", "0", file.toString()),
                "--window: window must be at least 1, was 0");
        assertUsage(run("outliers", "--rule", "cis-vpc-changes", "--direction", "up", file.toString()),
                "--direction: unknown direction 'up': expected +, - or +-");
        assertUsage(run("outliers", "--rule", "cis-vpc-changes", "--timeslice", "5", file.toString()),
                "--timeslice: invalid time slice '5'");
        assertUsage(run("outliers", "--rule", "cis-vpc-changes", "--seasonal", file.toString()),
                "--seasonal: a seasonal baseline needs a timeslice of at least 1h");
        assertUsage(run("outliers", "--rule", "cis-vpc-changes", "--seasonal=yes", file.toString()),
                "--seasonal takes no value");
        assertUsage(run("outliers", "--rule", "cis-vpc-changes", "--by", "a b", file.toString()),
                "--by: invalid group-by field 'a b'");
    }

    @Test
    void helpAndUnknownCommands() {
        Result help = run("help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("Usage: java -jar trailwatch-rules.jar COMMAND");
        assertUsage(run(), "missing command");
        assertUsage(run("evaluate", file.toString()), "unknown command 'evaluate'");
    }

    private static void assertUsage(Result r, String message) {
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("trailwatch-rules: " + message);
        assertThat(r.err()).contains("Usage: java -jar trailwatch-rules.jar COMMAND");
    }
}
