package io.trailwatch.alert.messaging;

import io.smallrye.common.annotation.Blocking;
import io.trailwatch.alert.service.NotificationService;
import io.trailwatch.common.messaging.RetryUntilDone;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns findings into outbox rows. The batch is acknowledged only after the rows are committed, so a crash
 * re-delivers findings and the outbox's key absorbs the repeat.
 */
@ApplicationScoped
public class FindingConsumer {

    private final NotificationService notifications;

    public FindingConsumer(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Incoming("findings")
    @Blocking
    public void findings(List<String> findings) throws InterruptedException {
        RetryUntilDone.run("recording " + findings.size() + " findings", () -> notifications.enqueue(findings));
    }
}
