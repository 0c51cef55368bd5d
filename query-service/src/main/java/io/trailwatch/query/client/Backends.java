package io.trailwatch.query.client;

import io.trailwatch.query.config.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The services whose APIs the UI reaches through query-service. */
@ApplicationScoped
public class Backends {

    private final BackendClient alerts;
    private final BackendClient rules;

    public Backends(QueryConfig config) {
        this.alerts = new BackendClient("alert-service", "trailwatch.query.alert-service", config.alertService());
        this.rules = new BackendClient("rules-service", "trailwatch.query.rules-service", config.rulesService());
    }

    public BackendClient alerts() {
        return alerts;
    }

    public BackendClient rules() {
        return rules;
    }
}
