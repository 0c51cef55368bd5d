package io.trailwatch.alert.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.model.ChannelType;
import io.trailwatch.alert.model.FindingField;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.ResolvedChannel;
import io.trailwatch.contracts.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Opsgenie Alerts API: create with the group key as alias (Opsgenie keeps one open alert per alias, so retries and
 * repeats count up instead of opening more), close by alias once every finding of the group is resolved.
 */
@ApplicationScoped
public class OpsgenieSender implements ChannelSender {

    private final OutboundHttp http;
    private final ObjectMapper mapper;

    public OpsgenieSender(OutboundHttp http, ObjectMapper mapper) {
        this.http = http;
        this.mapper = mapper;
    }

    @Override
    public ChannelType type() {
        return ChannelType.OPSGENIE;
    }

    @Override
    public SendOutcome send(ResolvedChannel channel, Notification notification) {
        String base = trimSlash(channel.text("apiUrl"));
        Map<String, String> auth = Map.of("Authorization", "GenieKey " + channel.secret("apiKey"));
        try {
            OutboundHttp.Response answer;
            if (notification.isResolved()) {
                URI close = URI.create(base + "/v2/alerts/" + URLEncoder.encode(notification.groupKey(),
                        StandardCharsets.UTF_8) + "/close?identifierType=alias");
                ObjectNode body = mapper.createObjectNode().put("source", "Trailwatch")
                        .put("note", TextSafety.truncate(TextSafety.singleLine(notification.headline()), 25000));
                answer = http.send(OutboundHttp.Request.json("POST", close, auth, mapper.writeValueAsString(body)));
            } else {
                answer = http.send(OutboundHttp.Request.json("POST", URI.create(base + "/v2/alerts"), auth,
                        mapper.writeValueAsString(alert(channel, notification))));
            }
            return answer.ok() ? SendOutcome.delivered(answer.status(), notification.groupKey())
                    : SendOutcome.ofAnswer(answer, "Opsgenie");
        } catch (OutboundException e) {
            return SendOutcome.of(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectNode alert(ResolvedChannel channel, Notification n) {
        ObjectNode alert = mapper.createObjectNode();
        alert.put("message", TextSafety.truncate(TextSafety.singleLine(n.headline()), 130));
        alert.put("alias", n.groupKey());
        alert.put("description", TextSafety.truncate(NotificationText.plain(n), 15000));
        alert.put("source", "Trailwatch");
        alert.put("priority", priority(n.severity()));
        String account = n.commonLabels().get(FindingField.ACCOUNT_ID.wireName());
        if (account != null) {
            alert.put("entity", "aws:" + account);
        }
        JsonNode responders = channel.settings().get("responders");
        if (responders != null && responders.isArray()) {
            alert.set("responders", responders);
        }
        Set<String> tags = new LinkedHashSet<>(channel.list("tags"));
        tags.add("trailwatch");
        tags.add("severity:" + n.severity().wireName());
        String rule = n.commonLabels().get(FindingField.RULE_ID.wireName());
        if (rule != null) {
            tags.add(rule);
        }
        ArrayNode tagList = alert.putArray("tags");
        tags.stream().map(t -> TextSafety.truncate(t, 50)).forEach(tagList::add);
        ObjectNode details = alert.putObject("details");
        details.put("groupKey", n.groupKey());
        details.put("findings", NotificationText.count(n));
        details.put("url", n.url().toString());
        n.commonLabels().forEach((k, v) -> details.put(k, TextSafety.truncate(v, 1000)));
        return alert;
    }

    static String priority(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "P1";
            case HIGH -> "P2";
            case MEDIUM -> "P3";
            case LOW -> "P4";
            default -> "P5";
        };
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
