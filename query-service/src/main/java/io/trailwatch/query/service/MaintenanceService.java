package io.trailwatch.query.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.trailwatch.query.repository.EventPartitions;
import io.trailwatch.query.repository.SignalWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the store in shape: creates the event partitions of today and the next days, drops the day partitions past
 * retention (dropping a partition is instant and leaves no dead rows behind, unlike deleting), and deletes series
 * points and rejections past the same retention. Runs at start and then every maintenance interval.
 */
@ApplicationScoped
public class MaintenanceService {

    private static final Logger LOG = Logger.getLogger(MaintenanceService.class);

    /** What one run did. */
    public record Result(List<String> droppedPartitions, int deletedSeriesPoints, int deletedRejections) {
    }

    private final EventPartitions partitions;
    private final SignalWriter signals;
    private final RetentionPolicy retention;

    public MaintenanceService(EventPartitions partitions, SignalWriter signals, RetentionPolicy retention) {
        this.partitions = partitions;
        this.signals = signals;
        this.retention = retention;
    }

    void onStart(@Observes StartupEvent event) {
        scheduled();
    }

    @Scheduled(identity = "query-store-maintenance", every = "${trailwatch.query.retention.maintenance-interval:1h}",
            delayed = "${trailwatch.query.retention.maintenance-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("store maintenance failed, will retry at the next interval: %s", e.getMessage());
        }
    }

    public Result run(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<LocalDate> ahead = new ArrayList<>();
        for (int d = 0; d <= retention.partitionsAhead(); d++) {
            ahead.add(today.plusDays(d));
        }
        partitions.ensure(ahead);
        List<String> dropped = partitions.dropBefore(retention.firstKeptDay(now));
        Instant oldest = retention.oldestKept(now);
        int points = signals.deletePointsBefore(oldest);
        int rejections = signals.deleteRejectionsBefore(oldest);
        if (points > 0 || rejections > 0) {
            LOG.infof("deleted %d series points and %d rejections past retention", points, rejections);
        }
        return new Result(dropped, points, rejections);
    }
}
