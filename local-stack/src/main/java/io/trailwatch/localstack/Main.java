package io.trailwatch.localstack;

import io.trailwatch.localstack.bench.BenchCommand;
import io.trailwatch.localstack.bench.BenchOptions;
import io.trailwatch.localstack.scenarios.VerifyOptions;
import io.trailwatch.localstack.scenarios.VerifyScenariosCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * {@code ./trailwatch up} runs the local platform until Ctrl-C; {@code ./trailwatch bench} measures the pipeline;
 * {@code ./trailwatch verify-scenarios} checks its findings against the simulator's ground truth.
 */
public final class Main {

    private static final String USAGE = """
            usage: ./trailwatch up [--data-dir DIR] [--no-demo]
                   ./trailwatch bench [--events N] [--seed S] [--rate R] [--data-dir DIR]
                   ./trailwatch verify-scenarios [--seed S] [--day YYYY-MM-DD] [--hours H] [--data-dir DIR]

              up                start Kafka, PostgreSQL, S3/SQS-compatible servers and the four services,
                                feed demo CloudTrail traffic, and run until Ctrl-C
                --data-dir      where data and logs live (default ./.trailwatch); a second start keeps the data
                --no-demo       do not generate demo traffic

              bench             run the whole pipeline on free ports and measure it (a few minutes): events/s
                                from S3 notification to Kafka, to findings and to PostgreSQL rows next to Kafka's
                                own producer/consumer rates, detection latency p50/p99, peak RSS per process
                --events        events of the throughput run (200000)
                --seed          simulator seed (42)
                --rate          events/s of the latency run (2000)
                --speed         simulated seconds per second in the latency run (10: files 10x smaller and
                                more frequent than in real time at the same event rate)
                --warmup-seconds, --latency-seconds   latency run warm-up and measured time (60, 120)
                --data-dir      keep data and logs there (default: a temporary directory, removed on success)

              verify-scenarios  replay a seeded simulated day through the pipeline and check the findings
                                against the simulator's ground truth: recall and precision per rule; exits 1
                                when a scenario missed a finding or a CIS finding is unexplained
                --seed          simulator seed (42)
                --day           simulated day, from 00:00 UTC (2026-11-27)
                --hours         hours of the day to replay, 2 to 24 (24)
                --data-dir      keep data and logs there (default: a temporary directory, removed on success)
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) {
        String command = args.isEmpty() ? "" : args.get(0);
        List<String> options = args.isEmpty() ? List.of() : args.subList(1, args.size());
        switch (command) {
            case "up":
                return up(options);
            case "bench":
            case "verify-scenarios":
                return measure(command, options, args);
            default:
                System.err.print(USAGE);
                return 2;
        }
    }

    /** bench and verify-scenarios: wrong options are usage errors (2), a failed run is 1. */
    private static int measure(String command, List<String> options, List<String> args) {
        BenchOptions bench = null;
        VerifyOptions verify = null;
        try {
            if ("bench".equals(command)) {
                bench = BenchOptions.parse(options);
            } else {
                verify = VerifyOptions.parse(options);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
        try {
            return bench != null ? BenchCommand.run(bench, args, home(), System.getenv(), System.out)
                    : VerifyScenariosCommand.run(verify, args, home(), System.getenv(), System.out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            System.err.println("[trailwatch] " + command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static int up(List<String> args) {
        Deque<String> rest = new ArrayDeque<>(args);
        Path dataDir = Path.of(".trailwatch");
        boolean demo = true;
        while (!rest.isEmpty()) {
            String arg = rest.pop();
            switch (arg) {
                case "--no-demo" -> demo = false;
                case "--data-dir" -> {
                    if (rest.isEmpty()) {
                        System.err.println("--data-dir needs a directory");
                        return 2;
                    }
                    dataDir = Path.of(rest.pop());
                }
                default -> {
                    System.err.println("unknown option: " + arg);
                    System.err.print(USAGE);
                    return 2;
                }
            }
        }
        return up(dataDir.toAbsolutePath().normalize(), demo);
    }

    private static Path home() {
        return Path.of(System.getProperty("trailwatch.home", ".")).toAbsolutePath().normalize();
    }

    private static int up(Path dataDir, boolean demo) {
        Path home = home();
        System.setProperty("trailwatch.logdir", dataDir.resolve("logs").toString());
        long started = System.nanoTime();
        StackOptions options = new StackOptions(home, dataDir, StackPorts.defaults(), demo, Map.of());
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        LocalStack stack = new LocalStack(options, System.getenv(), line -> System.out.println("[trailwatch] " + line));
        try {
            System.out.println("[trailwatch] data directory: " + dataDir);
            stack.start();
            printWelcome(stack, dataDir, Duration.ofNanos(System.nanoTime() - started));
            stop.await();
            System.out.println("\n[trailwatch] stopping...");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (RuntimeException e) {
            System.err.println("[trailwatch] could not start: " + e.getMessage());
            return 1;
        } finally {
            stack.close();
            System.out.println("[trailwatch] stopped");
        }
    }

    private static void printWelcome(LocalStack stack, Path dataDir, Duration took) {
        Credentials c = stack.credentials();
        System.out.printf("""

                [trailwatch] ready in %d s

                  SOC dashboard and API   %s/             (API docs: %s/q/swagger-ui)
                  CloudTrail upload       curl -u admin:%s -H 'Content-Type: application/json' \\
                                               --data-binary @file.json %s/api/v1/intake/cloudtrail
                  rules / alerts APIs     %s   %s
                  S3 (bucket %s)   %s     SQS %s

                  users   admin / %s
                          analyst / %s
                          viewer / %s

                  data and logs in %s
                  Ctrl-C stops everything.

                """,
                took.toSeconds(),
                stack.service("query-service").url(), stack.service("query-service").url(),
                c.password("admin"), stack.service("collector-service").url(),
                stack.service("rules-service").url(), stack.service("alert-service").url(),
                StackOptions.BUCKET, stack.s3Endpoint(), stack.sqsEndpoint(),
                c.password("admin"), c.password("analyst"), c.password("viewer"), dataDir);
    }
}
