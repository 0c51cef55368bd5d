package io.trailwatch.alert.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.model.ChannelType;
import io.trailwatch.alert.model.FindingField;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.ResolvedChannel;
import io.trailwatch.contracts.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * PagerDuty Events API v2: trigger with the group key as dedup_key (a retry or a repeat updates the same incident),
 * resolve with the same key once every finding of the group is resolved.
 */
@ApplicationScoped
public class PagerDutySender implements ChannelSender {

    private final OutboundHttp http;
    private final ObjectMapper mapper;

    public PagerDutySender(OutboundHttp http, ObjectMapper mapper) {
        this.http = http;
        this.mapper = mapper;
    }

    @Override
    public ChannelType type() {
        return ChannelType.PAGERDUTY;
    }

    @Override
    public SendOutcome send(ResolvedChannel channel, Notification notification) {
        try {
            OutboundHttp.Response answer = http.send(OutboundHttp.Request.json("POST", channel.uri("eventsUrl"),
                    Map.of(), mapper.writeValueAsString(event(channel.secret("routingKey"), notification))));
            return answer.ok() ? SendOutcome.delivered(answer.status(), notification.groupKey())
                    : SendOutcome.ofAnswer(answer, "PagerDuty");
        } catch (OutboundException e) {
            return SendOutcome.of(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectNode event(String routingKey, Notification n) {
        ObjectNode event = mapper.createObjectNode();
        event.put("routing_key", routingKey);
        event.put("dedup_key", n.groupKey());
        if (n.isResolved()) {
            event.put("event_action", "resolve");
            return event;
        }
        event.put("event_action", "trigger");
        event.put("client", "Trailwatch");
        event.put("client_url", n.url().toString());
        ObjectNode payload = event.putObject("payload");
        payload.put("summary", TextSafety.truncate(TextSafety.singleLine(n.headline()), 1024));
        String account = n.commonLabels().get(FindingField.ACCOUNT_ID.wireName());
        payload.put("source", account == null ? "trailwatch" : "aws:" + account);
        payload.put("severity", severity(n.severity()));
        payload.put("timestamp", FindingSummaries.timestamp(n));
        putIfPresent(payload, "component", n.commonLabels().get(FindingField.EVENT_SOURCE.wireName()));
        putIfPresent(payload, "group", account);
        putIfPresent(payload, "class", n.commonLabels().get(FindingField.RULE_ID.wireName()));
        ObjectNode details = payload.putObject("custom_details");
        details.put("groupKey", n.groupKey());
        details.put("findings", NotificationText.count(n));
        details.set("items", FindingSummaries.of(mapper, n, 20));
        event.putArray("links").addObject().put("href", n.url().toString()).put("text", "View in Trailwatch");
        return event;
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "critical";
            case HIGH -> "error";
            case MEDIUM -> "warning";
            default -> "info";
        };
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
