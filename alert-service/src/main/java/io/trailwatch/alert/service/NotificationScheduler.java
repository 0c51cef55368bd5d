package io.trailwatch.alert.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Drives delivery: sends due notifications until none are left, at every tick. */
@ApplicationScoped
public class NotificationScheduler {

    private final NotificationService service;

    public NotificationScheduler(NotificationService service) {
        this.service = service;
    }

    @Scheduled(every = "${trailwatch.alert.sender-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        while (service.sendDue() > 0) {
            // keep draining while there is work
        }
    }
}
