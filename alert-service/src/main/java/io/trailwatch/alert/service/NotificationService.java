package io.trailwatch.alert.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.trailwatch.alert.config.AlertConfig;
import io.trailwatch.alert.repository.NotificationEntity;
import io.trailwatch.alert.repository.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Decides which findings to notify (outbox rows, written with the consumer's progress) and delivers them with
 * retries and exponential backoff.
 */
@ApplicationScoped
public class NotificationService {

    static final String WEBHOOK_CHANNEL = "webhook";
    private static final Logger LOG = Logger.getLogger(NotificationService.class);
    private static final int SEND_BATCH = 50;

    private final NotificationRepository notifications;
    private final WebhookSender sender;
    private final AlertConfig config;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;

    public NotificationService(NotificationRepository notifications, WebhookSender sender, AlertConfig config,
                               ObjectMapper mapper, MeterRegistry metrics) {
        this.notifications = notifications;
        this.sender = sender;
        this.config = config;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** Records a notification for every finding in the batch that has not been recorded before. */
    @Transactional
    public void enqueue(List<String> findings) {
        if (config.webhookUrl().isEmpty()) {
            return;
        }
        List<NotificationRepository.NewNotification> rows = new ArrayList<>();
        for (String json : findings) {
            try {
                JsonNode finding = mapper.readTree(json);
                String id = finding.path("findingId").asText(null);
                if (id == null || id.isBlank()) {
                    throw new IllegalArgumentException("no findingId");
                }
                rows.add(new NotificationRepository.NewNotification(id, json));
            } catch (Exception e) {
                metrics.counter("trailwatch.alert.unreadable").increment();
                LOG.warnf("skipping unreadable finding (%s): %.200s", e.getMessage(), json);
            }
        }
        if (!rows.isEmpty()) {
            notifications.insertNew(WEBHOOK_CHANNEL, rows);
        }
    }

    /** Sends what is due; returns how many were attempted. */
    @Transactional
    public int sendDue() {
        URI url = config.webhookUrl().orElse(null);
        if (url == null) {
            return 0;
        }
        List<NotificationEntity> due = notifications.lockDue(Instant.now(), SEND_BATCH);
        for (NotificationEntity n : due) {
            WebhookSender.Outcome outcome = sender.post(url, n.payload, n.id.findingId());
            n.attempts++;
            n.responseCode = outcome.status();
            if (outcome.delivered()) {
                n.status = "delivered";
                n.deliveredAt = Instant.now();
                n.lastError = null;
            } else if (n.attempts >= config.maxAttempts()) {
                n.status = "failed";
                n.lastError = outcome.error();
                LOG.warnf("giving up on finding %s after %d attempts: %s", n.id.findingId(), n.attempts,
                        outcome.error());
            } else {
                n.status = "retrying";
                n.lastError = outcome.error();
                n.nextAttemptAt = Instant.now().plus(backoff(n.attempts));
            }
            metrics.counter("trailwatch.alert.deliveries", "channel", n.id.channel(), "outcome", n.status).increment();
        }
        return due.size();
    }

    private Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 16);
        return config.initialBackoff().multipliedBy(factor);
    }
}
