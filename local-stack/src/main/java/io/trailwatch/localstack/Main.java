package io.trailwatch.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/** {@code ./trailwatch up [--data-dir DIR] [--no-demo]}: runs the local platform until Ctrl-C. */
public final class Main {

    private static final String USAGE = """
            usage: ./trailwatch up [--data-dir DIR] [--no-demo]

              up          start Kafka, PostgreSQL, S3/SQS-compatible servers and the four services,
                          feed demo CloudTrail traffic, and run until Ctrl-C
              --data-dir  where data and logs live (default ./.trailwatch); a second start keeps the data
              --no-demo   do not generate demo traffic
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) {
        Deque<String> rest = new ArrayDeque<>(args);
        if (rest.isEmpty() || !"up".equals(rest.peek())) {
            System.err.print(USAGE);
            return 2;
        }
        rest.pop();
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

    private static int up(Path dataDir, boolean demo) {
        Path home = Path.of(System.getProperty("trailwatch.home", ".")).toAbsolutePath().normalize();
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
