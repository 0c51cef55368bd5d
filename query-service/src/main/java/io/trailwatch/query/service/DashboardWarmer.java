package io.trailwatch.query.service;

import io.quarkus.scheduler.Scheduled;
import io.trailwatch.query.config.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Draws the dashboard's default views (all accounts, the last 24 hours and the last 7 days) in the background,
 * right after start and then every interval, so the hours and sums {@link DashboardHours} keeps are ready before an
 * analyst opens the dashboard: reading a week's hours from the database for the first time takes a second or two.
 * The service reports ready once the first drawing is done (see {@code DashboardReadinessCheck}), so an instance
 * takes traffic warm.
 */
@ApplicationScoped
public class DashboardWarmer {

    private static final Logger LOG = Logger.getLogger(DashboardWarmer.class);
    private static final List<Duration> RANGES = List.of(Duration.ofHours(24), Duration.ofDays(7));

    private final PanelService panels;
    private final boolean enabled;
    private volatile boolean warmedOnce;

    public DashboardWarmer(PanelService panels, QueryConfig config) {
        this.panels = panels;
        String interval = config.dashboard().warmInterval().strip();
        this.enabled = !interval.equalsIgnoreCase("off") && !interval.equalsIgnoreCase("disabled");
    }

    /** Whether the default views were drawn at least once (or are never drawn in the background). */
    public boolean ready() {
        return warmedOnce || !enabled;
    }

    @Scheduled(identity = "dashboard-warmer", every = "${trailwatch.query.dashboard.warm-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
        warmedOnce = true;
    }
}
