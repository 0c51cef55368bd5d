package io.trailwatch.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trailwatch.alert.client.ChannelSender;
import io.trailwatch.alert.client.SendOutcome;
import io.trailwatch.alert.config.AlertConfig;
import io.trailwatch.alert.model.ChannelType;
import io.trailwatch.alert.model.FindingFacts;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.ResolvedChannel;
import io.trailwatch.alert.repository.DeliveryStore;
import io.trailwatch.alert.repository.FindingStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Sends one claimed delivery, outside any database transaction, and records the attempt: delivered, retrying at
 * the next backoff, or failed (for good, or when the attempts are used up). Feeds the channel's circuit breaker.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);
    private final ChannelDirectory directory;
    private final DeliveryStore deliveries;
    private final FindingStore findings;
    private final NotificationFactory notifications;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;
    private final Backoff backoff;
    private final int maxAttempts;

    public DeliveryWorker(Instance<ChannelSender> senders, ChannelDirectory directory, DeliveryStore deliveries,
                          FindingStore findings, NotificationFactory notifications, ObjectMapper mapper,
                          MeterRegistry metrics, AlertConfig config) {
        senders.forEach(s -> this.senders.put(s.type(), s));
        this.directory = directory;
        this.deliveries = deliveries;
        this.findings = findings;
        this.notifications = notifications;
        this.mapper = mapper;
        this.metrics = metrics;
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        this.maxAttempts = config.maxAttempts();
    }

    void deliver(DeliveryStore.Claimed claimed, CircuitBreaker circuit) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        SendOutcome outcome;
        boolean attempted = false;
        ChannelDirectory.Entry entry = directory.get(claimed.channel()).orElse(null);
        if (entry == null) {
            outcome = SendOutcome.failed(null, "channel '" + claimed.channel() + "' no longer exists");
        } else if (entry.problem() != null) {
            outcome = SendOutcome.failed(null, entry.problem());
        } else if (!circuit.allow(started)) {
            outcome = SendOutcome.retry(null, "not sent: " + circuit.describe(), null);
        } else {
            attempted = true;
            outcome = send(entry.channel(), claimed);
        }
        if (attempted) {
            switch (outcome.result()) {
                case RETRY -> circuit.failed(outcome.error(), Instant.now());
                case DELIVERED, FAILED -> circuit.succeeded();
                default -> circuit.released();
            }
        }
        record(claimed, outcome, started, (int) Duration.ofNanos(System.nanoTime() - t0).toMillis());
    }

    /** Sends a notification right away (channel tests); the caller records it. */
    public SendOutcome sendNow(ResolvedChannel channel, Notification notification) {
        return sender(channel).send(channel, notification);
    }

    private SendOutcome send(ResolvedChannel channel, DeliveryStore.Claimed claimed) {
        try {
            return sender(channel).send(channel, notification(claimed));
        } catch (RuntimeException e) {
            LOG.errorf(e, "delivery %d to %s failed unexpectedly", claimed.id(), channel);
            return SendOutcome.failed(null, "internal error while sending: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private ChannelSender sender(ResolvedChannel channel) {
        return Objects.requireNonNull(senders.get(channel.type()), "no sender for " + channel.type());
    }

    Notification notification(DeliveryStore.Claimed d) {
        Map<String, FindingFacts> found = QuarkusTransaction.requiringNew().call(() -> findings.load(d.findingIds()));
        Set<String> resolvedIds = new HashSet<>(d.resolvedIds());
        List<FindingFacts> firing = d.findingIds().stream().filter(id -> !resolvedIds.contains(id))
                .map(found::get).filter(Objects::nonNull).toList();
        List<FindingFacts> resolved = d.resolvedIds().stream().map(found::get).filter(Objects::nonNull).toList();
        Map<String, String> labels;
        try {
            labels = mapper.readValue(d.labelsJson(), new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored group labels are unreadable", e);
        }
        return notifications.create(d.id(), d.sequence(), d.kind(), d.groupKey(), d.route(), d.channel(), labels,
                firing, d.newIds(), resolved, d.firingCount(), d.resolvedCount(), d.createdAt());
    }

    private void record(DeliveryStore.Claimed d, SendOutcome outcome, Instant started, int durationMs) {
        Instant now = Instant.now();
        String status;
        String error = outcome.error();
        Instant next = null;
        switch (outcome.result()) {
            case DELIVERED -> status = "delivered";
            case FAILED -> status = "failed";
            default -> {
                if (d.attempts() >= maxAttempts) {
                    status = "failed";
                    error = error + " (gave up after " + d.attempts() + " attempts)";
                } else {
                    status = "retrying";
                    next = now.plus(backoff.after(d.attempts(), outcome.retryAfter()));
                }
            }
        }
        DeliveryStore.Completion completion = new DeliveryStore.Completion(d.id(), d.leaseToken(), d.attempts(), status,
                next, outcome.responseCode(), error, outcome.externalRef(), started, durationMs, now);
        boolean kept;
        try {
            kept = QuarkusTransaction.requiringNew().call(() -> deliveries.complete(completion));
        } catch (RuntimeException e) {
            LOG.warnf("cannot record attempt %d of delivery %d (it will be retried when its lease ends): %s",
                    d.attempts(), d.id(), e.getMessage());
            return;
        }
        if (!kept) {
            LOG.debugf("delivery %d was taken over by another sender; this attempt's result is dropped", d.id());
            return;
        }
        metrics.counter("trailwatch.alert.delivery.attempts", "channel", d.channel(), "type", d.channelType(),
                "outcome", status).increment();
        if (!"retrying".equals(status)) {
            metrics.counter("trailwatch.alert.deliveries", "channel", d.channel(), "type", d.channelType(),
                    "outcome", status).increment();
        }
        if ("delivered".equals(status)) {
            Timer.builder("trailwatch.alert.delivery.latency")
                    .description("From the notification decision to the receiver's acknowledgement")
                    .tag("type", d.channelType()).publishPercentiles(0.5, 0.99)
                    .register(metrics).record(Duration.between(d.createdAt(), now));
        } else if ("failed".equals(status)) {
            LOG.warnf("notification %d to channel %s failed: %s", d.id(), d.channel(), error);
        }
    }
}
