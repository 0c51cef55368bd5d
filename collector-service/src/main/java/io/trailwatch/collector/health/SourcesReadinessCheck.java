package io.trailwatch.collector.health;

import io.trailwatch.collector.service.CollectorSource;
import io.trailwatch.collector.service.Reachability;
import io.trailwatch.collector.service.SourceManager;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when every configured queue and bucket answers (Kafka has its own check). */
@Readiness
@ApplicationScoped
public class SourcesReadinessCheck implements HealthCheck {

    private final SourceManager sources;

    public SourcesReadinessCheck(SourceManager sources) {
        this.sources = sources;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Collector sources").up();
        if (sources.sources().isEmpty()) {
            return response.withData("sources", "none configured (HTTP intake only)").build();
        }
        for (CollectorSource source : sources.sources()) {
            Reachability.Status status = source.reachability();
            response.withData(source.id(), (status.up() ? "UP: " : "DOWN: ") + status.detail());
            if (!status.up()) {
                response.down();
            }
        }
        return response.build();
    }
}
