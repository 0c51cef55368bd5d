package io.trailwatch.localstack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apache Kafka's own performance tools ({@code kafka-producer-perf-test} and {@code kafka-consumer-perf-test},
 * i.e. org.apache.kafka.tools.ProducerPerformance / ConsumerPerformance from kafka-tools), each in a child JVM of
 * its own against the stack's broker, with the pipeline's records as payload and the collector's producer
 * settings.
 *
 * <p>The services are timed warm (a batch went through the pipeline first), so the tools are too: they send and
 * read {@link #ROUNDS} times as many records as a batch, and the producer's rate leaves out its first five-second
 * report, in which its JIT compiler is still at work. A cold 200,000-record run moved by a third between runs.
 */
final class RawKafkaRates {

    /** How many batches' worth of records the tools send and read. */
    static final int ROUNDS = 5;

    /** The collector's producer settings (EventPublisher), so the ratio measures the pipeline, not the settings. */
    static final List<String> PRODUCER_PROPS = List.of("acks=all", "enable.idempotence=true", "compression.type=lz4",
            "linger.ms=5", "batch.size=262144");
    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");

    /** What a tool reported: records per second and MB (2^20 bytes) per second. */
    record Rate(long records, double recordsPerSecond, double megabytesPerSecond) {
    }

    private final String bootstrapServers;
    private final Path logDir;

    RawKafkaRates(String bootstrapServers, Path logDir) {
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
    }

    /** Sends {@link #ROUNDS} × {@code batch} records. */
    Rate produce(String topic, long batch, Path payloadFile) {
        List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", String.valueOf(batch * ROUNDS),
                "--throughput", "-1", "--payload-file", payloadFile.toString(), "--producer-props",
                "bootstrap.servers=" + bootstrapServers, "client.id=trailwatch-bench-raw-producer"));
        args.addAll(PRODUCER_PROPS);
        String output = run("org.apache.kafka.tools.ProducerPerformance", args, "producer-perf.log");
        return parseProducer(output);
    }

    /** Reads what {@link #produce} sent. */
    Rate consume(String topic, long batch) {
        String output = run("org.apache.kafka.tools.ConsumerPerformance", List.of("--bootstrap-server",
                bootstrapServers, "--topic", topic, "--messages", String.valueOf(batch * ROUNDS), "--group",
                "trailwatch-bench-raw-" + UUID.randomUUID(), "--timeout", "60000"), "consumer-perf.log");
        return parseConsumer(output);
    }

    /**
     * The rate after ProducerPerformance's first report: it prints one line per five-second window and a summary of
     * the whole run last, so the records and seconds of the first window are taken from the summary's. A run too
     * short for two reports gives the summary as it is.
     */
    static Rate parseProducer(String output) {
        Matcher m = PRODUCER_SUMMARY.matcher(output);
        List<Rate> lines = new ArrayList<>();
        while (m.find()) {
            lines.add(new Rate(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3))));
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
        }
        Rate total = lines.get(lines.size() - 1);
        if (lines.size() < 2) {
            return total;
        }
        Rate first = lines.get(0);
        long records = total.records() - first.records();
        double seconds = total.records() / total.recordsPerSecond() - first.records() / first.recordsPerSecond();
        double megabytes = total.records() / total.recordsPerSecond() * total.megabytesPerSecond()
                - first.records() / first.recordsPerSecond() * first.megabytesPerSecond();
        return new Rate(records, records / seconds, megabytes / seconds);
    }

    /**
     * ConsumerPerformance's result line, read by its header: the fetch rate ({@code fetch.nMsg.sec}), which leaves
     * out the time spent joining the group, so it is the broker's and the client's rate alone.
     */
    static Rate parseConsumer(String output) {
        String[] lines = output.split("\\R");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].startsWith("start.time")) {
                String[] names = lines[i].split(",\\s*");
                String[] values = lines[i + 1].split(",\\s*");
                Map<String, String> row = new HashMap<>();
                for (int k = 0; k < Math.min(names.length, values.length); k++) {
                    row.put(names[k].trim(), values[k].trim());
                }
                String consumed = row.get("data.consumed.in.nMsg");
                String perSecond = row.get("fetch.nMsg.sec");
                String megabytes = row.get("fetch.MB.sec");
                String problem = "ConsumerPerformance's result line is not as expected: " + lines[i] + " / "
                        + lines[i + 1];
                if (consumed == null || perSecond == null || megabytes == null) {
                    throw new IllegalStateException(problem);
                }
                try {
                    return new Rate(Long.parseLong(consumed), Double.parseDouble(perSecond),
                            Double.parseDouble(megabytes));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(problem, e);
                }
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no result line:\n" + output);
    }

    private String run(String mainClass, List<String> args, String logName) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:+UseSerialGC", "-Dtrailwatch.logdir=" + logDir,
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        Path log = logDir.resolve(logName);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not finish within 10 minutes; see " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(mainClass + " failed (exit " + process.exitValue() + "); see " + log);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + mainClass, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + mainClass, e);
        }
    }
}
