package io.trailwatch.query.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Draws the dashboard's default views (all accounts, the last 24 hours and the last 7 days) in the background,
 * soon after start and then every interval, so the hours and sums {@link DashboardHours} keeps are ready before an
 * analyst opens the dashboard: reading a week's hours from the database for the first time takes a second or two.
 */
@ApplicationScoped
public class DashboardWarmer {

    private static final Logger LOG = Logger.getLogger(DashboardWarmer.class);
    private static final List<Duration> RANGES = List.of(Duration.ofHours(24), Duration.ofDays(7));

    private final PanelService panels;

    public DashboardWarmer(PanelService panels) {
        this.panels = panels;
    }

    @Scheduled(identity = "dashboard-warmer", every = "${trailwatch.query.dashboard.warm-interval:1m}",
            delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void warm() {
        Instant now = Instant.now();
        for (Duration range : RANGES) {
            Instant from = now.minus(range);
            try {
                // With the top lists: the API's view also holds everything the web UI's view needs.
                panels.panels(from, now, panels.bucketFor(from, now), List.of(), List.of(), true);
            } catch (RuntimeException e) {
                LOG.warnf("drawing the %s dashboard in the background failed, will retry: %s", range,
                        e.getMessage());
            }
        }
    }
}
