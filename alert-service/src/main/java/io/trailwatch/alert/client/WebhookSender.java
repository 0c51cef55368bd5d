package io.trailwatch.alert.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.model.ChannelType;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.ResolvedChannel;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generic webhook: the documented JSON (or the channel's template), with Standard Webhooks headers: webhook-id
 * (the notification's id, the same on every retry, so receivers can drop repeats), webhook-timestamp and, when the
 * channel has a secret, webhook-signature.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    private final OutboundHttp http;
    private final WebhookPayload payloads;
    private final WebhookTemplates templates;
    private final ObjectMapper mapper;
    private final Clock clock;

    public WebhookSender(OutboundHttp http, WebhookPayload payloads, WebhookTemplates templates, ObjectMapper mapper) {
        this.http = http;
        this.payloads = payloads;
        this.templates = templates;
        this.mapper = mapper;
        this.clock = Clock.systemUTC();
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public SendOutcome send(ResolvedChannel channel, Notification notification) {
        byte[] body;
        String contentType = channel.text("contentType");
        try {
            body = body(channel, notification, contentType);
        } catch (IllegalArgumentException e) {
            return SendOutcome.failed(null, e.getMessage());
        }
        Map<String, String> headers = new LinkedHashMap<>(channel.map("headers"));
        try {
            headers.putAll(secretHeaders(channel));
        } catch (IllegalStateException e) {
            return SendOutcome.failed(null, e.getMessage());
        }
        long timestamp = clock.instant().getEpochSecond();
        headers.put("Content-Type", contentType);
        headers.put("webhook-id", notification.webhookId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        String secret = channel.secret("secret");
        if (secret != null) {
            headers.put("webhook-signature", StandardWebhookSigner.sign(secret, notification.webhookId(), timestamp, body));
        }
        try {
            OutboundHttp.Response answer = http.send(OutboundHttp.Request.post(channel.uri("url"), headers, body));
            return answer.ok() ? SendOutcome.delivered(answer.status(), null)
                    : SendOutcome.ofAnswer(answer, "the webhook receiver");
        } catch (OutboundException e) {
            return SendOutcome.of(e);
        }
    }

    byte[] body(ResolvedChannel channel, Notification notification, String contentType) {
        ObjectNode payload = payloads.build(notification, channel.flag("includeEvent"));
        String template = channel.text("template");
        if (template != null && !template.isBlank()) {
            return templates.render(template, contentType, payloads.asData(payload)).getBytes(StandardCharsets.UTF_8);
        }
        try {
            return mapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> secretHeaders(ResolvedChannel channel) {
        String json = channel.secret("secretHeaders");
        Map<String, String> headers = new LinkedHashMap<>();
        if (json == null) {
            return headers;
        }
        try {
            mapper.readTree(json).fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the secret headers of " + channel + " are unreadable");
        }
        return headers;
    }
}
