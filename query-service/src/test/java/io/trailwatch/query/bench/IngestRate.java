package io.trailwatch.query.bench;

import io.trailwatch.infra.DataDirectory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import io.trailwatch.contracts.Topics;

/**
 * Measures sustained ingestion into PostgreSQL: fills trailwatch.cloudtrail.events (12 partitions) with --events
 * records first, then starts the packaged query-service on an empty store and times how fast the rows arrive (from
 * the first stored batch to the last, by the rows' own ingested_at: PostgreSQL's insert counters reach
 * pg_stat_user_tables up to 10 s late, which once made the last rows look slow). Uses a fresh directory
 * (--dir/ingest) and deletes it afterwards. Also prints the CPU time query-service and PostgreSQL spent per stored
 * event, overall and in 5-second steps (sampled every 500 ms): on this 2-core machine, where both share the cores
 * with the broker, that is the figure a change to either side moves, while the rate also moves with whatever else
 * runs.
 *
 * <pre>./mvnw -B -o -pl query-service package -DskipTests
 * ./mvnw -B -o -pl query-service exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.trailwatch.query.bench.IngestRate -Dexec.args="--events 2000000"</pre>
 */
public final class IngestRate {

    private IngestRate() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        long events = args.number("events", 2_000_000);
        Path dir = args.dir().resolve("ingest");
        DataDirectory.delete(dir);
        try (BenchStack stack = new BenchStack(dir, 0)) {
            SyntheticCloudTrail generator = new SyntheticCloudTrail(11, 24, 120, 20_000, 0.01);
            Instant start = Instant.now().minus(Duration.ofHours(24));
            long step = Duration.ofHours(24).toNanos() / events;
            long produced = System.nanoTime();
            long bytes = 0;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", stack.kafka.bootstrapServers(), "linger.ms", "20",
                    "batch.size", "262144", "compression.type", "lz4", "acks", "all"),
                    new StringSerializer(), new StringSerializer())) {
                for (long i = 0; i < events; i++) {
                    SyntheticCloudTrail.Event e = generator.next(start.plusNanos(i * step));
                    bytes += e.json().length();
                    producer.send(new ProducerRecord<>(Topics.CLOUDTRAIL_EVENTS, e.accountId(), e.json()));
                }
                producer.flush();
            }
            double produceSeconds = (System.nanoTime() - produced) / 1e9;
            System.out.printf("produced %,d events (%.0f bytes on average) in %.1f s (%,.0f events/s)%n", events,
                    (double) bytes / events, produceSeconds, events / produceSeconds);

            long launched = System.nanoTime();
            stack.startService(dir, (int) args.number("http-port", 18081));
            System.out.printf("query-service ready after %.1f s%n", (System.nanoTime() - launched) / 1e9);
            List<long[]> samples = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "postgres")) {
                long stored = 0;
                long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
                while (stored < events && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    stored = BenchData.count(c, "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables"
                            + " WHERE schemaname = 'query' AND relname LIKE 'events_p%'");
                    samples.add(new long[] {System.currentTimeMillis(), stack.serviceCpu().toNanos(),
                            BenchStack.postgresCpu().toNanos()});
                }
                StoredTimes times = StoredTimes.read(c);
                Span span = Span.of(times, samples);
                System.out.printf("stored %,d of %,d events; %,.0f events/s from the first stored batch to the last "
                        + "(%.1f s); best 10-second window: %,.0f events/s%n", times.total(), events,
                        times.rate(times.first(), times.last()), (times.last() - times.first()) / 1e3,
                        times.bestRate(10_000));
                for (Span part : span.steps(times, samples, 5_000)) {
                    System.out.printf("  %,9d stored: %,7.0f events/s, CPU per event query-service %5.1f µs, "
                            + "PostgreSQL %5.1f µs%n", times.storedBy(part.to()), part.rate(),
                            part.serviceMicros(), part.postgresMicros());
                }
                System.out.printf("CPU per stored event over the whole span: query-service %.1f µs, "
                        + "PostgreSQL %.1f µs%n", span.serviceMicros(), span.postgresMicros());
            }
        } finally {
            DataDirectory.delete(dir);
        }
    }
}
