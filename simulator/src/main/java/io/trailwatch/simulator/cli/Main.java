package io.trailwatch.simulator.cli;

import io.trailwatch.simulator.SimulatorException;
import io.trailwatch.simulator.SimulatorHandle;
import io.trailwatch.simulator.SimulatorListener;
import io.trailwatch.simulator.SimulatorStats;
import io.trailwatch.simulator.TrafficSimulator;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.org.OrganisationConfig;
import io.trailwatch.simulator.scenario.Scenario;
import io.trailwatch.simulator.scenario.ScenarioLibrary;
import io.trailwatch.simulator.scenario.ScenarioRun;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import io.trailwatch.simulator.sink.LogFileSink;
import io.trailwatch.simulator.sink.S3SinkConfig;
import io.trailwatch.simulator.sink.Sinks;
import io.trailwatch.simulator.traffic.Rhythm;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** The command line: {@code generate}, {@code stream}, {@code scenarios}, {@code bench}. */
public final class Main {

    static final String ENV_S3_ACCESS_KEY = "TRAILWATCH_SIM_S3_ACCESS_KEY_ID";
    static final String ENV_S3_SECRET_KEY = "TRAILWATCH_SIM_S3_SECRET_ACCESS_KEY";
    static final String ENV_INTAKE_PASSWORD = "TRAILWATCH_INTAKE_PASSWORD";

    private static final Set<String> COMMON = Set.of("seed", "start", "duration", "rate", "accounts", "regions",
            "principals", "org-id", "scenarios", "scenario-every", "first-round", "compression");
    private static final Set<String> SINK = Set.of("sink", "out", "s3-endpoint", "bucket", "s3-region",
            "sqs-queue-url", "sqs-endpoint", "intake-url", "user", "password-file", "retries", "ground-truth");

    private static final String USAGE = """
            Usage: java -jar trailwatch-simulator.jar <command> [options]

            Commands:
              generate   generate a span of simulated time as fast as possible (compressed time)
              stream     generate continuously on a simulated clock (real time by default) until stopped
              scenarios  list the attack scenarios and the rule ids each should raise
              bench      measure generator throughput (events/s) without any sink I/O

            Traffic (generate, stream, bench):
              --seed N                 random seed; same seed and options give identical output (default 1)
              --start TIME             simulated start, ISO-8601 (generate: today 00:00Z; stream: now)
              --duration D             simulated time to cover, e.g. 90s, 15m, 6h, 1d (generate: 1d;
                                       stream: until stopped; bench: 30m)
              --rate N                 mean events per simulated second over a week (default 10; bench 1000)
              --flat                   constant rate, no daily/weekly rhythm (bench default)
              --accounts N             accounts in the organisation (default 12)
              --regions R1,R2          regions, must include us-east-1 (default us-east-1,eu-west-1,eu-central-1,us-west-2)
              --principals N           acting identities (default 200)
              --org-id o-xxxxxxxxxx    organisation id in the S3 layout (default: derived from the seed)
              --scenarios all|none|A,B scenarios to inject (default all; see the scenarios command)
              --first-round D          every scenario runs once within this time of the start (default 3m)
              --scenario-every D       then each recurs this often; 0 for once (default 1h)
              --compression 1-9        gzip level (default 6)

            Stream only:
              --speed F|max            simulated seconds per wall second (default 1 = real time)
              --backfill D             first generate this much history before --start, immediately

            Sinks (generate, stream):
              --sink dir|s3|http       where files go (generate default: dir)
              --out DIR                dir: root directory; files land at DIR/AWSLogs/...
              --s3-endpoint URL        s3: S3-compatible endpoint (path-style), e.g. http://127.0.0.1:9000
              --bucket NAME            s3: bucket
              --s3-region R            s3: signing region (default us-east-1)
              --sqs-queue-url URL      s3: send an S3 event notification per object to this queue
              --sqs-endpoint URL       s3: SQS endpoint if it differs from the queue URL's host
                                       credentials from TRAILWATCH_SIM_S3_ACCESS_KEY_ID and
                                       TRAILWATCH_SIM_S3_SECRET_ACCESS_KEY; anonymous when unset
              --intake-url URL         http: collector base URL, e.g. http://127.0.0.1:8081
              --user NAME              http: HTTP Basic user; password from TRAILWATCH_INTAKE_PASSWORD
              --password-file FILE     http: or read the password from this file
              --retries N              delivery attempts per file before giving up (default 6)
              --ground-truth FILE      write the ground truth here (dir sink default: DIR/ground-truth.jsonl)
            """;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, System.getenv());
        System.exit(code);
    }

    /** Runs a command; returns the process exit code (0 ok, 1 failed, 2 usage error). */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.length == 0 || Arrays.asList("help", "--help", "-h").contains(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "generate" -> generate(CliArgs.parse(rest, union(COMMON, SINK), Set.of("flat")), out, err, env);
                case "stream" -> stream(CliArgs.parse(rest, union(COMMON, SINK, Set.of("speed", "backfill")),
                        Set.of("flat")), out, err, env);
                case "scenarios" -> {
                    CliArgs.parse(rest, Set.of(), Set.of());
                    yield scenarios(out);
                }
                case "bench" -> bench(CliArgs.parse(rest, COMMON, Set.of("flat")), out);
                default -> throw new UsageException("unknown command '" + args[0]
                        + "' (commands: generate, stream, scenarios, bench)");
            };
        } catch (UsageException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("run 'java -jar trailwatch-simulator.jar --help' for usage");
            return 2;
        } catch (SimulatorException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Arrays.stream(sets).flatMap(Set::stream).collect(java.util.stream.Collectors.toSet());
    }

    private static int generate(CliArgs a, PrintStream out, PrintStream err, Map<String, String> env)
            throws UsageException {
        Instant start = instant(a, LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC));
        Duration duration = duration(a, "duration", Duration.ofDays(1));
        TrafficSimulator.Builder b = traffic(a, SimulationDefaults.GENERATE).start(start).duration(duration)
                .asFastAsPossible();
        String sinkKind = a.get("sink", "dir");
        Path truth = groundTruth(a, sinkKind);
        LogFileSink sink = sink(a, env, sinkKind);
        b.sink(sink).retries(a.getInt("retries", 6), Duration.ofMillis(500));
        if (truth != null) {
            b.groundTruth(truth);
        }
        TrafficSimulator sim = b.build();
        out.println("generating " + duration + " of simulated time from " + start + " (seed " + sim.config().seed()
                + ", " + sim.config().eventsPerSecond() + " events/s) to " + sink.describe());
        long t0 = System.nanoTime();
        SimulatorHandle handle = sim.start();
        SimulatorStats stats = awaitWithProgress(handle, err);
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "done: %d files, %d records, %.1f MB gzipped, %d scenario runs in %.1f s "
                        + "(%.0f events/s)%n", stats.files(), stats.records(), stats.bytes() / 1e6,
                stats.scenarioRuns(), seconds, stats.records() / seconds);
        if (truth != null) {
            out.println("ground truth: " + truth);
        }
        return 0;
    }

    private static int stream(CliArgs a, PrintStream out, PrintStream err, Map<String, String> env)
            throws UsageException {
        String sinkKind = a.get("sink");
        if (sinkKind == null) {
            throw new UsageException("stream needs --sink dir|s3|http");
        }
        TrafficSimulator.Builder b = traffic(a, SimulationDefaults.STREAM);
        if (a.get("start") != null) {
            b.start(instant(a, null));
        }
        if (a.get("duration") != null) {
            b.duration(duration(a, "duration", null));
        }
        b.backfill(duration(a, "backfill", Duration.ZERO));
        String speed = a.get("speed", "1");
        if (speed.equals("max")) {
            b.asFastAsPossible();
        } else {
            try {
                b.speed(Double.parseDouble(speed));
            } catch (NumberFormatException e) {
                throw new UsageException("--speed '" + speed + "' is not a number or 'max'");
            }
        }
        Path truth = groundTruth(a, sinkKind);
        LogFileSink sink = sink(a, env, sinkKind);
        b.sink(sink).retries(a.getInt("retries", 6), Duration.ofMillis(500));
        if (truth != null) {
            b.groundTruth(truth);
        }
        b.listener(new SimulatorListener() {
            @Override
            public void scenarioCompleted(ScenarioRun run) {
                err.println("scenario " + run.id() + " delivered: " + run.summary());
            }
        });
        TrafficSimulator sim = b.build();
        out.println("streaming " + sim.config().eventsPerSecond() + " events per simulated second at speed " + speed
                + " to " + sink.describe() + " (Ctrl-C to stop)");
        SimulatorHandle handle = sim.start();
        Thread hook = new Thread(handle::close, "trailwatch-simulator-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        SimulatorStats stats = awaitWithProgress(handle, err);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is already running and stops the simulator.
        }
        out.printf(Locale.ROOT, "stopped: %d files, %d records%n", stats.files(), stats.records());
        return 0;
    }

    private static SimulatorStats awaitWithProgress(SimulatorHandle handle, PrintStream err) {
        while (!handle.await(Duration.ofSeconds(10))) {
            SimulatorStats s = handle.stats();
            err.printf(Locale.ROOT, "%d files, %d records delivered; simulated time %s%n", s.files(), s.records(),
                    s.generatedUntil());
        }
        return handle.stats();
    }

    private static int scenarios(PrintStream out) {
        for (Scenario s : ScenarioLibrary.all()) {
            out.println(s.name() + " (up to " + s.maxDuration().toMinutes() + " min)");
            out.println("    " + s.description());
            out.println("    expected rules: " + String.join(", ", s.expectedRules()));
        }
        return 0;
    }

    /** Generates to a sink that only counts, as fast as possible, and prints the generator's throughput. */
    private static int bench(CliArgs a, PrintStream out) throws UsageException {
        Duration duration = duration(a, "duration", Duration.ofMinutes(30));
        AtomicLong records = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        LogFileSink counting = new LogFileSink() {
            @Override
            public void deliver(LogFile file) {
                records.addAndGet(file.records());
                bytes.addAndGet(file.content().length);
            }

            @Override
            public String describe() {
                return "a counting sink";
            }
        };
        TrafficSimulator sim = traffic(a, SimulationDefaults.BENCH)
                .start(instant(a, Instant.parse("2026-11-27T00:00:00Z"))).duration(duration).asFastAsPossible()
                .sink(counting).build();
        long t0 = System.nanoTime();
        sim.start().await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "generated %d events (%.1f MB gzipped JSON) in %.2f s on one generator thread: "
                        + "%.0f events/s%n", records.get(), bytes.get() / 1e6, seconds, records.get() / seconds);
        return 0;
    }

    /** Defaults that differ between commands. */
    private enum SimulationDefaults {
        GENERATE(10, false), STREAM(10, false), BENCH(1000, true);

        final double rate;
        final boolean flat;

        SimulationDefaults(double rate, boolean flat) {
            this.rate = rate;
            this.flat = flat;
        }
    }

    private static TrafficSimulator.Builder traffic(CliArgs a, SimulationDefaults d) throws UsageException {
        OrganisationConfig org = OrganisationConfig.defaults()
                .withAccounts(a.getInt("accounts", 12))
                .withPrincipals(a.getInt("principals", 200));
        String regions = a.get("regions");
        if (regions != null) {
            org = org.withRegions(Arrays.stream(regions.split(",")).map(String::trim).toList());
        }
        if (a.get("org-id") != null) {
            org = org.withOrganisationId(a.get("org-id"));
        }
        List<Scenario> chosen = ScenarioLibrary.select(a.get("scenarios", "all"));
        ScenarioSchedule schedule = chosen.isEmpty() ? ScenarioSchedule.none()
                : ScenarioSchedule.recurring(chosen, duration(a, "first-round", ScenarioSchedule.DEFAULT_FIRST_ROUND),
                duration(a, "scenario-every", ScenarioSchedule.DEFAULT_PERIOD));
        boolean flat = a.flag("flat") || d.flat;
        return TrafficSimulator.builder()
                .seed(a.getLong("seed", 1))
                .organisation(org)
                .eventsPerSecond(a.getDouble("rate", d.rate))
                .rhythm(flat ? Rhythm.flat() : Rhythm.weekly(1))
                .scenarios(schedule)
                .compressionLevel(a.getInt("compression", 6));
    }

    private static Path groundTruth(CliArgs a, String sinkKind) throws UsageException {
        String explicit = a.get("ground-truth");
        if (explicit != null) {
            return Path.of(explicit);
        }
        if (sinkKind.equals("dir")) {
            String dir = a.get("out");
            if (dir == null) {
                throw new UsageException("the dir sink needs --out DIR");
            }
            return Path.of(dir).resolve("ground-truth.jsonl");
        }
        return null;
    }

    private static LogFileSink sink(CliArgs a, Map<String, String> env, String kind) throws UsageException {
        switch (kind) {
            case "dir" -> {
                String dir = a.get("out");
                if (dir == null) {
                    throw new UsageException("the dir sink needs --out DIR");
                }
                return Sinks.directory(Path.of(dir));
            }
            case "s3" -> {
                String bucket = a.get("bucket");
                if (bucket == null) {
                    throw new UsageException("the s3 sink needs --bucket NAME");
                }
                URI endpoint = a.get("s3-endpoint") == null ? null : uri("s3-endpoint", a.get("s3-endpoint"));
                S3SinkConfig config = S3SinkConfig.local(endpoint, bucket, a.get("sqs-queue-url"))
                        .withRegion(a.get("s3-region", "us-east-1"));
                String key = env.get(ENV_S3_ACCESS_KEY);
                String secret = env.get(ENV_S3_SECRET_KEY);
                if ((key == null) != (secret == null)) {
                    throw new UsageException("set both " + ENV_S3_ACCESS_KEY + " and " + ENV_S3_SECRET_KEY
                            + ", or neither for anonymous requests");
                }
                if (key != null) {
                    config = config.withCredentials(key, secret);
                }
                if (a.get("sqs-endpoint") != null) {
                    config = config.withSqsEndpoint(uri("sqs-endpoint", a.get("sqs-endpoint")));
                }
                return Sinks.s3(config);
            }
            case "http" -> {
                String url = a.get("intake-url");
                String user = a.get("user");
                if (url == null || user == null) {
                    throw new UsageException("the http sink needs --intake-url URL and --user NAME");
                }
                return Sinks.httpIntake(uri("intake-url", url), user, password(a, env, user));
            }
            default -> throw new UsageException("--sink '" + kind + "' is not one of dir, s3, http");
        }
    }

    private static String password(CliArgs a, Map<String, String> env, String user) throws UsageException {
        String file = a.get("password-file");
        if (file != null) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UsageException("cannot read --password-file " + file + ": " + e.getMessage());
            }
        }
        String fromEnv = env.get(ENV_INTAKE_PASSWORD);
        if (fromEnv == null) {
            throw new UsageException("no password for intake user '" + user + "': set " + ENV_INTAKE_PASSWORD
                    + " or use --password-file FILE");
        }
        return fromEnv;
    }

    private static URI uri(String option, String text) throws UsageException {
        try {
            URI uri = URI.create(text.trim());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new UsageException("--" + option + " '" + text + "' is not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + option + " '" + text + "' is not a URL");
        }
    }

    private static Instant instant(CliArgs a, Instant fallback) throws UsageException {
        String text = a.get("start");
        if (text == null) {
            return fallback;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException("--start '" + text + "' is not an ISO-8601 instant (e.g. 2026-11-27T00:00:00Z)");
        }
    }

    private static Duration duration(CliArgs a, String option, Duration fallback) throws UsageException {
        String text = a.get(option);
        return text == null ? fallback : DurationText.parse("--" + option, text);
    }
}
