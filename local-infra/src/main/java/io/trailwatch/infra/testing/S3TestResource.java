package io.trailwatch.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real S3-compatible server; its endpoint is {@code trailwatch.test.s3-endpoint}. */
public class S3TestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("trailwatch.test.s3-endpoint", SharedInfra.s3().endpoint());
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; SharedInfra stops it at exit.
    }
}
