package io.trailwatch.alert.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.model.ChannelType;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.NotifiedFinding;
import io.trailwatch.alert.model.ResolvedChannel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Slack incoming webhook with Block Kit. Finding values only ever appear in plain_text objects (Slack does not
 * interpret them) or, in the notification fallback text, escaped for mrkdwn.
 */
@ApplicationScoped
public class SlackSender implements ChannelSender {

    static final int MAX_FINDING_BLOCKS = 10;

    private final OutboundHttp http;
    private final ObjectMapper mapper;

    public SlackSender(OutboundHttp http, ObjectMapper mapper) {
        this.http = http;
        this.mapper = mapper;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SLACK;
    }

    @Override
    public SendOutcome send(ResolvedChannel channel, Notification notification) {
        try {
            OutboundHttp.Response answer = http.send(OutboundHttp.Request.json("POST", channel.uri("webhookUrl"),
                    Map.of(), mapper.writeValueAsString(message(notification))));
            return answer.ok() ? SendOutcome.delivered(answer.status(), null) : SendOutcome.ofAnswer(answer, "Slack");
        } catch (OutboundException e) {
            return SendOutcome.of(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectNode message(Notification n) {
        ObjectNode message = mapper.createObjectNode();
        message.put("text", TextSafety.truncate(TextSafety.slackMrkdwn(TextSafety.singleLine(n.headline())), 3000));
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.set("text", plain(TextSafety.truncate(TextSafety.singleLine(n.headline()), 150)));
        ObjectNode facts = blocks.addObject().put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        for (NotificationText.Fact fact : NotificationText.facts(n).stream().limit(10).toList()) {
            fields.add(plain(TextSafety.truncate(fact.label() + ": " + TextSafety.singleLine(fact.value()), 2000)));
        }
        List<NotifiedFinding> shown = n.findings().stream().limit(MAX_FINDING_BLOCKS).toList();
        for (NotifiedFinding f : shown) {
            ObjectNode section = blocks.addObject().put("type", "section");
            section.set("text", plain(TextSafety.truncate(NotificationText.line(f), 3000)));
            ObjectNode button = section.putObject("accessory").put("type", "button");
            button.set("text", plain("Open"));
            button.put("url", f.url().toString());
        }
        int more = n.findings().size() - shown.size() + n.truncated();
        ArrayNode context = blocks.addObject().put("type", "context").putArray("elements");
        if (more > 0) {
            context.add(plain("and " + more + " more"));
        }
        context.addObject().put("type", "mrkdwn").put("text", "<" + n.url() + "|View in Trailwatch> · group "
                + n.groupKey());
        return message;
    }

    private ObjectNode plain(String text) {
        return mapper.createObjectNode().put("type", "plain_text").put("text", text.isEmpty() ? " " : text)
                .put("emoji", false);
    }
}
