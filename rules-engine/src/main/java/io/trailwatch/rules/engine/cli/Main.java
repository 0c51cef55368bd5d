package io.trailwatch.rules.engine.cli;

import io.trailwatch.rules.engine.cloudtrail.InvalidCloudTrailFileException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar trailwatch-rules.jar COMMAND ...}: evaluate CloudTrail files against the rules, try a
 * pattern, run the rules' embedded tests, compute outlier series. Exit status 0 on success, 1 when tests fail
 * or an input file cannot be read, 2 for a command line that cannot run (including an invalid pattern).
 */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage: java -jar trailwatch-rules.jar COMMAND [OPTIONS] [ARGS]

            Commands:
              eval [--cis-version V] [--rules DIR] FILE
                  Evaluate each record of a CloudTrail log file ({"Records":[...]}, plain or gzip) against the
                  enabled rules (built-in CIS pack at benchmark V, default the newest, plus custom rules in DIR).
                  Prints one line per record: {"eventID":"...","ruleIds":[...]}.
              match --pattern PATTERN FILE
                  Test a CloudWatch Logs JSON filter pattern against each record of FILE.
                  Prints one line per record: {"eventID":"...","match":true|false}.
              test [DIR]
                  Run the embedded tests of every rule in DIR (the built-in pack when no DIR is given).
                  Prints a line per failure and a summary "N passed, M failed"; exits 1 when any failed.
              outliers --rule RULE_ID [--by FIELD] [--timeslice 5m] [--window 10] [--threshold 3]
                       [--consecutive 1] [--direction +-] [--min-count 0] [--seasonal]
                       [--cis-version V] [--rules DIR] FILE
                  Count RULE_ID's matches per group (FIELD: accountId, principal, sourceIPAddress, region,
                  userName, eventName, eventSource or a record path; one group when omitted) and time slice,
                  and judge each slice against the group's baseline. Prints one line per group and slice:
                  {"group":"...","slice":"...","value":N,"mean":M,"stddev":S,"upper":U,"lower":L,
                   "indicator":bool,"violation":bool}
              help
                  Show this text.

            Exit status: 0 success, 1 failed tests or unreadable input, 2 invalid command line or pattern.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(Arrays.asList(args), System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs one command; never exits the JVM, so tests can call it. */
    static int run(List<String> args, OutputStream stdout, PrintStream stderr) {
        Output out = new Output(stdout, stderr);
        try {
            try {
                return dispatch(args, out, stderr);
            } finally {
                out.flush();
            }
        } catch (UsageException e) {
            stderr.println("trailwatch-rules: " + e.getMessage());
            stderr.println();
            stderr.print(USAGE_TEXT);
            return USAGE;
        } catch (InvalidCloudTrailFileException e) {
            stderr.println("trailwatch-rules: error: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            stderr.println("trailwatch-rules: error: " + e);
            return FAILED;
        }
    }

    private static int dispatch(List<String> args, Output out, PrintStream stderr)
            throws UsageException, IOException {
        if (args.isEmpty()) {
            throw new UsageException("missing command");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "eval" -> EvalCommand.run(rest, out);
            case "match" -> MatchCommand.run(rest, out, stderr);
            case "test" -> TestCommand.run(rest, out);
            case "outliers" -> OutliersCommand.run(rest, out);
            case "help", "--help", "-h" -> {
                out.line(USAGE_TEXT.stripTrailing());
                yield OK;
            }
            default -> throw new UsageException("unknown command '" + args.get(0) + "'");
        };
    }
}
