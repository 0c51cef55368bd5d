package io.trailwatch.rules.health;

import io.trailwatch.rules.engine.rule.Rule;
import io.trailwatch.rules.service.RuleCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * What was loaded. The rules load at start and a wrong setting stops the service, so this is UP whenever the
 * service runs; it shows the counts and how many custom files were skipped (Kafka Streams has its own checks).
 */
@Readiness
@ApplicationScoped
public class RulesReadinessCheck implements HealthCheck {

    private final RuleCatalog catalog;

    public RulesReadinessCheck(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Rules").up()
                .withData("cisVersion", catalog.rules().cisVersion().toString())
                .withData("rulesEnabled", catalog.rules().rules().stream().filter(Rule::enabled).count())
                .withData("detectorsEnabled", catalog.activeDetectors().size())
                .withData("loadErrors", catalog.loadErrors().size())
                .build();
    }
}
