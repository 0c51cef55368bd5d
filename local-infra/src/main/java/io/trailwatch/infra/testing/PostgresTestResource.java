package io.trailwatch.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.trailwatch.infra.PostgresServer;
import java.util.Map;

/** A real PostgreSQL with a {@code trailwatch} database; configures the default datasource to use it. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = SharedInfra.postgres();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl("trailwatch"),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.USER);
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; SharedInfra stops it at exit.
    }
}
