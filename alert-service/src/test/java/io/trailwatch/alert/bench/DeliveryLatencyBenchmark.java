package io.trailwatch.alert.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.trailwatch.alert.testing.AlertProcess;
import io.trailwatch.alert.testing.Findings;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.DataDirectory;
import io.trailwatch.infra.KafkaBroker;
import io.trailwatch.infra.PostgresServer;
import io.trailwatch.infra.ServiceProcess;
import io.trailwatch.infra.TopicSpec;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end latency of alert-service: findings are published to trailwatch.findings at a fixed rate and the time
 * from each finding's scheduled send to its webhook arriving at a local receiver is measured. Runs the packaged
 * jar against a real KRaft broker and PostgreSQL; the route is the bootstrap one (a notification per finding, no
 * group wait). Prints percentiles; see docs/performance.md.
 *
 * <p>Arguments: {@code [rate per second, default 100] [measured seconds, default 60] [warm-up seconds, default 15]}.
 */
public final class DeliveryLatencyBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeliveryLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Path dir = DataDirectory.temporary("alert-bench");
        Map<String, Long> scheduled = new ConcurrentHashMap<>();
        Map<String, Long> received = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();

        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService handlers = Executors.newFixedThreadPool(8);
        receiver.setExecutor(handlers);
        receiver.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            JsonNode body = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            for (JsonNode f : body.get("findings")) {
                if (received.putIfAbsent(f.get("findingId").asText(), now) != null) {
                    duplicates.incrementAndGet();
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        System.out.println("starting Kafka and PostgreSQL in " + dir);
        try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), 0);
             PostgresServer postgres = PostgresServer.start(dir.resolve("postgres"), 0)) {
            kafka.createTopics(TopicSpec.platformTopics(12));
            postgres.ensureDatabase("trailwatch");
            ServiceProcess alert = AlertProcess.create(kafka, postgres,
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", Map.of(),
                    dir.resolve("alert-service.log"));
            alert.start();
            try {
                alert.awaitReady(Duration.ofSeconds(120));
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        "bootstrap.servers", kafka.bootstrapServers(), "acks", "all", "linger.ms", "0"),
                        new StringSerializer(), new StringSerializer())) {
                    System.out.printf("warm-up: %d s at %d findings/s%n", warmup, rate);
                    List<String> warm = run(producer, rate, warmup, scheduled);
                    awaitAll(warm, received, Duration.ofSeconds(30));
                    System.out.printf("measuring: %d s at %d findings/s%n", seconds, rate);
                    List<String> measured = run(producer, rate, seconds, scheduled);
                    awaitAll(measured, received, Duration.ofSeconds(60));
                    report(measured, scheduled, received, duplicates.get(), rate, seconds);
                }
            } finally {
                alert.stop(Duration.ofSeconds(20));
                receiver.stop(0);
                // Its threads are not daemons: left running they keep exec:java waiting forever.
                handlers.shutdownNow();
            }
        } finally {
            DataDirectory.delete(dir);
        }
    }

    /** Publishes {@code rate * seconds} findings, each at its scheduled time; returns their ids. */
    private static List<String> run(KafkaProducer<String, String> producer, int rate, int seconds,
                                    Map<String, Long> scheduled) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        String account = Findings.uniqueAccount();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < rate * seconds; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String id = Findings.newId();
            ObjectNode finding = Findings.finding(id, "cis-root-account-usage", "critical", account);
            scheduled.put(id, due);
            producer.send(new ProducerRecord<>(Topics.FINDINGS, account, finding.toString()));
            ids.add(id);
        }
        producer.flush();
        return ids;
    }

    private static void awaitAll(List<String> ids, Map<String, Long> received, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !received.keySet().containsAll(ids)) {
            Thread.sleep(100);
        }
    }

    private static void report(List<String> ids, Map<String, Long> scheduled, Map<String, Long> received,
                               int duplicates, int rate, int seconds) {
        long[] latencies = ids.stream().filter(received::containsKey)
                .mapToLong(id -> received.get(id) - scheduled.get(id)).sorted().toArray();
        int missing = ids.size() - latencies.length;
        System.out.printf("findings: %d sent, %d notified, %d missing, %d duplicate notifications%n", ids.size(),
                latencies.length, missing, duplicates);
        System.out.printf("rate: %d findings/s for %d s%n", rate, seconds);
        System.out.printf("latency finding on Kafka -> webhook received (ms): p50 %.1f  p90 %.1f  p99 %.1f  "
                        + "p99.9 %.1f  max %.1f  mean %.1f%n", ms(latencies, 0.50), ms(latencies, 0.90),
                ms(latencies, 0.99), ms(latencies, 0.999), latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
                Arrays.stream(latencies).average().orElse(0) / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
