package io.trailwatch.alert.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.NotifiedFinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generic webhook body (schema: schemas/webhook-notification.schema.json, version "1"). It is also the data a
 * user template sees. Stable across retries of the same notification, so a signature over it is too.
 */
@ApplicationScoped
public class WebhookPayload {

    public static final String VERSION = "1";

    private final ObjectMapper mapper;

    public WebhookPayload(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode build(Notification n, boolean includeEvent) {
        ObjectNode body = mapper.createObjectNode();
        body.put("version", VERSION);
        body.put("id", n.webhookId());
        body.put("type", n.isTest() ? "test" : "notification");
        body.put("status", n.status());
        body.put("groupKey", n.groupKey());
        if (n.route() == null) {
            body.putNull("route");
        } else {
            body.put("route", n.route());
        }
        body.put("channel", n.channel());
        body.put("severity", n.severity().wireName());
        body.put("title", n.headline());
        body.set("groupLabels", labels(n.groupLabels()));
        body.set("commonLabels", labels(n.commonLabels()));
        ObjectNode counts = body.putObject("counts");
        counts.put("firing", n.firingCount());
        counts.put("new", n.newCount());
        counts.put("resolved", n.resolvedCount());
        counts.put("truncated", n.truncated());
        body.put("url", n.url().toString());
        body.put("createdAt", n.createdAt().toString());
        ArrayNode findings = body.putArray("findings");
        for (NotifiedFinding f : n.findings()) {
            ObjectNode item = f.json().deepCopy();
            if (!includeEvent) {
                item.remove("event");
            }
            item.put("status", f.status());
            item.put("new", f.isNew());
            item.put("url", f.url().toString());
            findings.add(item);
        }
        return body;
    }

    /** The body as plain maps and lists, for templates. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> asData(ObjectNode body) {
        return mapper.convertValue(body, Map.class);
    }

    private ObjectNode labels(Map<String, String> labels) {
        ObjectNode node = mapper.createObjectNode();
        new TreeMap<>(labels).forEach(node::put);
        return node;
    }
}
