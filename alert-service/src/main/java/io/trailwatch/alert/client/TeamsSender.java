package io.trailwatch.alert.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.model.ChannelType;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.NotifiedFinding;
import io.trailwatch.alert.model.ResolvedChannel;
import io.trailwatch.contracts.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Microsoft Teams through a Workflows webhook: a message with one Adaptive Card. Finding values go into
 * RichTextBlock TextRuns, which Teams shows as they are (TextBlock and FactSet would interpret Markdown).
 */
@ApplicationScoped
public class TeamsSender implements ChannelSender {

    static final int MAX_FINDINGS = 15;

    private final OutboundHttp http;
    private final ObjectMapper mapper;

    public TeamsSender(OutboundHttp http, ObjectMapper mapper) {
        this.http = http;
        this.mapper = mapper;
    }

    @Override
    public ChannelType type() {
        return ChannelType.TEAMS;
    }

    @Override
    public SendOutcome send(ResolvedChannel channel, Notification notification) {
        try {
            OutboundHttp.Response answer = http.send(OutboundHttp.Request.json("POST", channel.uri("webhookUrl"),
                    Map.of(), mapper.writeValueAsString(message(notification))));
            return answer.ok() ? SendOutcome.delivered(answer.status(), null)
                    : SendOutcome.ofAnswer(answer, "the Teams workflow");
        } catch (OutboundException e) {
            return SendOutcome.of(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectNode message(Notification n) {
        ObjectNode message = mapper.createObjectNode().put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        ArrayNode title = richText(body);
        run(title, n.headline()).put("weight", "Bolder").put("size", "Medium").put("color", color(n));
        for (NotificationText.Fact fact : NotificationText.facts(n)) {
            ArrayNode line = richText(body);
            run(line, fact.label() + ": ").put("weight", "Bolder");
            run(line, fact.value());
        }
        List<NotifiedFinding> shown = n.findings().stream().limit(MAX_FINDINGS).toList();
        for (NotifiedFinding f : shown) {
            ArrayNode line = richText(body);
            run(line, NotificationText.line(f));
        }
        int more = n.findings().size() - shown.size() + n.truncated();
        if (more > 0) {
            run(richText(body), "and " + more + " more").put("isSubtle", true);
        }
        card.putArray("actions").addObject()
                .put("type", "Action.OpenUrl").put("title", "View in Trailwatch").put("url", n.url().toString());
        return message;
    }

    private ArrayNode richText(ArrayNode body) {
        ObjectNode block = body.addObject().put("type", "RichTextBlock");
        return block.putArray("inlines");
    }

    private ObjectNode run(ArrayNode inlines, String text) {
        return inlines.addObject().put("type", "TextRun")
                .put("text", TextSafety.adaptiveCardText(TextSafety.singleLine(text)));
    }

    private static String color(Notification n) {
        if (n.isResolved()) {
            return "Good";
        }
        return n.severity().atLeast(Severity.HIGH) ? "Attention" : "Warning";
    }
}
