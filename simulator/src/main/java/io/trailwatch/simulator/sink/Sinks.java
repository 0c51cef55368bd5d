package io.trailwatch.simulator.sink;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Factory methods for the built-in sinks. */
public final class Sinks {

    private Sinks() {
    }

    public static LogFileSink directory(Path root) {
        return new DirectorySink(root);
    }

    public static LogFileSink s3(S3SinkConfig config) {
        return new S3Sink(config);
    }

    /** The collector's intake at {@code base} (e.g. {@code http://127.0.0.1:8081}) with HTTP Basic credentials. */
    public static LogFileSink httpIntake(URI base, String user, String password) {
        return new HttpIntakeSink(base, user, password, Duration.ofSeconds(30));
    }
}
