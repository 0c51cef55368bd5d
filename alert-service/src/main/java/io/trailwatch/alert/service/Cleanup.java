package io.trailwatch.alert.service;

import io.quarkus.scheduler.Scheduled;
import io.trailwatch.alert.config.AlertConfig;
import io.trailwatch.alert.repository.DeliveryStore;
import io.trailwatch.alert.repository.FindingStore;
import io.trailwatch.alert.repository.GroupStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Keeps the tables bounded: finished deliveries, idle groups and unneeded findings older than the retention. */
@ApplicationScoped
public class Cleanup {

    private static final Logger LOG = Logger.getLogger(Cleanup.class);

    private final DeliveryStore deliveries;
    private final GroupStore groups;
    private final FindingStore findings;
    private final AlertConfig config;

    public Cleanup(DeliveryStore deliveries, GroupStore groups, FindingStore findings, AlertConfig config) {
        this.deliveries = deliveries;
        this.groups = groups;
        this.findings = findings;
        this.config = config;
    }

    @Scheduled(every = "1h", delay = 5, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void run() {
        Instant now = Instant.now();
        int expired = groups.closeFiringOlderThan(now.minus(config.firingTtl()), now);
        Instant before = now.minus(config.retention());
        int d = deliveries.deleteFinishedOlderThan(before);
        int g = groups.deleteIdleOlderThan(before);
        int f = findings.deleteOlderThan(before);
        if (expired + d + g + f > 0) {
            LOG.infof("cleanup: %d findings stopped firing, deleted %d deliveries, %d groups, %d findings",
                    expired, d, g, f);
        }
    }
}
