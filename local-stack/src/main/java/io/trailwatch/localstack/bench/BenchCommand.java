package io.trailwatch.localstack.bench;

import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.DataDirectory;
import io.trailwatch.infra.ServiceProcess;
import io.trailwatch.localstack.LocalStack;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * {@code ./trailwatch bench}: the whole pipeline on this machine, its throughput next to Kafka's own tools, its
 * detection latency at a steady event rate, and the peak memory of each process.
 */
public final class BenchCommand {

    static final String RAW_TOPIC = "trailwatch.bench.raw";
    private static final Duration ALERT_DRAIN = Duration.ofMinutes(3);

    private BenchCommand() {
    }

    /** Runs the benchmark and prints the report; 0 when every measurement completed, 1 otherwise. */
    public static int run(BenchOptions options, List<String> args, Path home, Map<String, String> environment,
                          PrintStream out) throws InterruptedException {
        boolean temporary = options.dataDir() == null;
        Path dataDir = temporary ? DataDirectory.temporary("trailwatch-bench-") : options.dataDir();
        System.setProperty("trailwatch.logdir", dataDir.resolve("logs").toString());
        Consumer<String> progress = line -> out.println("[bench] " + line);
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadBefore = Machine.loadAverage();
        progress.accept("data directory: " + dataDir + (temporary ? " (removed afterwards)" : ""));
        boolean complete = false;
        PipelineStack pipeline = null;
        try {
            pipeline = PipelineStack.start(home, dataDir, environment, progress);
            Path work = Files.createDirectories(dataDir.resolve("bench"));

            ThroughputRun.Result throughput = new ThroughputRun(pipeline, options, work, progress).run();
            long webhooks = awaitWebhooks(pipeline.webhooks(),
                    throughput.warmUpFindings() + throughput.findingsProduced(), progress)
                    - throughput.warmUpFindings();

            progress.accept("raw Kafka rates: ProducerPerformance and ConsumerPerformance on topic " + RAW_TOPIC);
            createRawTopic(pipeline.stack().kafkaBootstrapServers());
            RawKafkaRates raw = new RawKafkaRates(pipeline.stack().kafkaBootstrapServers(), dataDir.resolve("logs"));
            RawKafkaRates.Rate produce = raw.produce(RAW_TOPIC, throughput.events(), throughput.payloadFile());
            RawKafkaRates.Rate consume = raw.consume(RAW_TOPIC, throughput.events());

            LatencyRun.Result latency = new LatencyRun(pipeline, options, progress).run();
            Map<String, Long> memory = peakMemory(pipeline.stack(), dataDir);

            BenchReport report = new BenchReport()
                    .header(started, "./trailwatch " + String.join(" ", args), Machine.describe(), loadBefore,
                            Machine.loadAverage())
                    .throughput(throughput, produce, consume, webhooks)
                    .latency(latency)
                    .memory(memory);
            out.println();
            out.print(report);
            complete = throughput.complete() && latency.expected() > 0;
            return complete ? 0 : 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write under " + dataDir + ": " + e.getMessage(), e);
        } finally {
            if (pipeline != null) {
                progress.accept("stopping the stack");
                pipeline.close();
            }
            if (temporary && complete) {
                DataDirectory.delete(dataDir);
            } else {
                progress.accept("data and logs kept in " + dataDir);
            }
        }
    }

    /** Waits until alert-service has sent a webhook for (about) every finding so far, so the latency run starts idle. */
    private static long awaitWebhooks(WebhookReceiver webhooks, long findings, Consumer<String> progress)
            throws InterruptedException {
        progress.accept(String.format("waiting for alert-service to notify the run's %,d findings", findings));
        long deadline = System.nanoTime() + ALERT_DRAIN.toNanos();
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline && webhooks.findings() < findings) {
            long now = webhooks.findings();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > Duration.ofSeconds(30).toNanos()) {
                break;
            }
            Thread.sleep(500);
        }
        return webhooks.findings();
    }

    private static void createRawTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int partitions = admin.describeTopics(List.of(Topics.CLOUDTRAIL_EVENTS)).allTopicNames().get()
                    .get(Topics.CLOUDTRAIL_EVENTS).partitions().size();
            admin.createTopics(List.of(new NewTopic(RAW_TOPIC, partitions, (short) 1))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + RAW_TOPIC, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topic " + RAW_TOPIC + ": " + e.getCause().getMessage(), e);
        }
    }

    /** VmHWM of the stack's own JVM, of each service, and of the largest PostgreSQL process. */
    private static Map<String, Long> peakMemory(LocalStack stack, Path dataDir) {
        Map<String, Long> peak = new LinkedHashMap<>();
        PeakMemory.peakKib(ProcessHandle.current().pid())
                .ifPresent(kib -> peak.put("stack JVM (Kafka broker, S3, SQS, simulator)", kib));
        for (String name : LocalStack.SERVICES) {
            ServiceProcess service = stack.service(name);
            OptionalLong pid = service.pid();
            if (pid.isPresent()) {
                PeakMemory.peakKib(pid.getAsLong()).ifPresent(kib -> peak.put(name, kib));
            }
        }
        postmasterPid(dataDir).ifPresent(pid -> ProcessHandle.of(pid).ifPresent(postmaster -> {
            long largest = Stream.concat(Stream.of(postmaster), postmaster.children())
                    .map(p -> PeakMemory.peakKib(p.pid())).filter(OptionalLong::isPresent)
                    .mapToLong(OptionalLong::getAsLong).max().orElse(0);
            if (largest > 0) {
                peak.put("PostgreSQL (largest of its processes)", largest);
            }
        }));
        return peak;
    }

    private static OptionalLong postmasterPid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
