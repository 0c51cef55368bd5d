package io.trailwatch.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real SQS-compatible server; its endpoint is {@code trailwatch.test.sqs-endpoint}. */
public class SqsTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("trailwatch.test.sqs-endpoint", SharedInfra.sqs().endpoint());
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; SharedInfra stops it at exit.
    }
}
