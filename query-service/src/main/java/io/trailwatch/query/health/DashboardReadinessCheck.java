package io.trailwatch.query.health;

import io.trailwatch.query.service.DashboardWarmer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN until the default dashboards were drawn once after start (a few seconds at most, also when drawing failed:
 * the database has its own check), so a new instance is not sent analysts before its dashboard is in memory.
 */
@Readiness
@ApplicationScoped
public class DashboardReadinessCheck implements HealthCheck {

    private final DashboardWarmer warmer;

    public DashboardReadinessCheck(DashboardWarmer warmer) {
        this.warmer = warmer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Dashboard").status(warmer.ready())
                .withData("defaultViews", warmer.ready() ? "drawn" : "drawing")
                .build();
    }
}
