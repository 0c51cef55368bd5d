package io.trailwatch.infra.testing;

import io.trailwatch.infra.DataDirectory;
import io.trailwatch.infra.KafkaBroker;
import io.trailwatch.infra.PostgresServer;
import io.trailwatch.infra.S3Server;
import io.trailwatch.infra.SqsServer;
import io.trailwatch.infra.TopicSpec;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One instance of each server per test JVM, started on first use and stopped when the JVM exits, so every test
 * class of a module shares them (starting a broker per class would dominate the build time).
 */
public final class SharedInfra {

    /** Partitions of the events topic in tests: as many as production, so partitioning bugs show up. */
    public static final int TEST_EVENT_PARTITIONS = 12;

    private static final Path ROOT = createRoot();
    private static final Lazy<KafkaBroker> KAFKA = new Lazy<>(() -> {
        KafkaBroker broker = KafkaBroker.start(ROOT.resolve("kafka"), 0);
        broker.createTopics(TopicSpec.platformTopics(TEST_EVENT_PARTITIONS));
        return broker;
    });
    private static final Lazy<PostgresServer> POSTGRES = new Lazy<>(() -> {
        PostgresServer postgres = PostgresServer.start(ROOT.resolve("postgres"), 0);
        postgres.ensureDatabase("trailwatch");
        return postgres;
    });
    private static final Lazy<S3Server> S3 = new Lazy<>(() -> S3Server.start(null, 0));
    private static final Lazy<SqsServer> SQS = new Lazy<>(() -> SqsServer.start(0));

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedInfra::stopAll, "shared-infra-stop"));
    }

    private SharedInfra() {
    }

    public static KafkaBroker kafka() {
        return KAFKA.get();
    }

    public static PostgresServer postgres() {
        return POSTGRES.get();
    }

    public static S3Server s3() {
        return S3.get();
    }

    public static SqsServer sqs() {
        return SQS.get();
    }

    private static void stopAll() {
        SQS.closeIfStarted();
        S3.closeIfStarted();
        KAFKA.closeIfStarted();
        POSTGRES.closeIfStarted();
        try {
            DataDirectory.delete(ROOT);
        } catch (UncheckedIOException e) {
            // Best effort at JVM exit: the servers are stopped, a leftover directory does no harm.
        }
    }

    private static Path createRoot() {
        return DataDirectory.temporary("trailwatch-test-infra");
    }

    private static final class Lazy<T extends AutoCloseable> {
        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        synchronized T get() {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }

        synchronized void closeIfStarted() {
            if (value != null) {
                try {
                    value.close();
                } catch (Exception e) {
                    System.err.println("shared test server did not stop cleanly: " + e);
                }
                value = null;
            }
        }
    }
}
