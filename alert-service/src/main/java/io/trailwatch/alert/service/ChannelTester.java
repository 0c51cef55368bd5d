package io.trailwatch.alert.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trailwatch.alert.client.SendOutcome;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.ResolvedChannel;
import io.trailwatch.alert.repository.ChannelEntity;
import io.trailwatch.alert.repository.DeliveryStore;
import io.trailwatch.common.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends a test notification to a channel right away and reports what the receiver answered: delivered or not, the
 * status code and our error message (never the receiver's body beyond a short excerpt). The attempt is in the
 * delivery log as kind "test".
 */
@ApplicationScoped
public class ChannelTester {

    private final ChannelService channels;
    private final DeliveryWorker worker;
    private final DeliveryStore deliveries;
    private final NotificationFactory notifications;
    private final ObjectMapper mapper;

    public ChannelTester(ChannelService channels, DeliveryWorker worker, DeliveryStore deliveries,
                         NotificationFactory notifications, ObjectMapper mapper) {
        this.channels = channels;
        this.worker = worker;
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.mapper = mapper;
    }

    public ObjectNode test(String name) {
        ResolvedChannel channel;
        try {
            channel = QuarkusTransaction.requiringNew().call(() -> {
                ChannelEntity entity = channels.find(name);
                return channels.resolve(entity);
            });
        } catch (IllegalStateException e) {
            throw ApiException.conflict("channel '" + name + "' cannot send: " + e.getMessage());
        }
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Notification n = notifications.test(name, started);
        SendOutcome outcome = worker.sendNow(channel, n);
        int millis = (int) Duration.ofNanos(System.nanoTime() - t0).toMillis();
        String status = outcome.delivered() ? "delivered" : "failed";
        long id = QuarkusTransaction.requiringNew().call(() -> deliveries.insertSent(
                new DeliveryStore.NewDelivery(name, channel.type().wireName(), null, null, n.groupKey(), n.sequence(),
                        Notification.TEST, status, "{}", List.of(NotificationFactory.TEST_FINDING_ID),
                        List.of(NotificationFactory.TEST_FINDING_ID), List.of(), 1, 0, List.of(), null),
                new DeliveryStore.Completion(0, null, 1, status, null, outcome.responseCode(), outcome.error(),
                        outcome.externalRef(), started, millis, Instant.now())));
        ObjectNode result = mapper.createObjectNode();
        result.put("channel", name);
        result.put("delivered", outcome.delivered());
        if (outcome.responseCode() == null) {
            result.putNull("responseCode");
        } else {
            result.put("responseCode", outcome.responseCode());
        }
        if (outcome.error() != null) {
            result.put("error", outcome.error());
        }
        if (outcome.externalRef() != null) {
            result.put("externalRef", outcome.externalRef());
        }
        result.put("durationMs", millis);
        result.put("deliveryId", id);
        return result;
    }
}
