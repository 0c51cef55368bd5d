package io.trailwatch.alert.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trailwatch.alert.model.ChannelType;
import io.trailwatch.alert.model.FindingField;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.NotifiedFinding;
import io.trailwatch.alert.model.ResolvedChannel;
import io.trailwatch.alert.repository.TicketStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Jira Cloud (REST API v3): one issue per alert group. Before creating, the open issue of the group is looked up
 * (the one recorded for the group, else a search by the group's label), so a retry, a repeat or a redelivered
 * finding adds a comment instead of a second issue. Descriptions and comments are Atlassian Document Format, whose
 * text nodes are never interpreted as markup.
 */
@ApplicationScoped
public class JiraSender implements ChannelSender {

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final TicketStore tickets;

    public JiraSender(OutboundHttp http, ObjectMapper mapper, TicketStore tickets) {
        this.http = http;
        this.mapper = mapper;
        this.tickets = tickets;
    }

    @Override
    public ChannelType type() {
        return ChannelType.JIRA;
    }

    static String label(String groupKey) {
        return "trailwatch-" + groupKey;
    }

    @Override
    public SendOutcome send(ResolvedChannel channel, Notification n) {
        String base = OpsgenieSender.trimSlash(channel.text("baseUrl"));
        Map<String, String> auth = Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (channel.text("email") + ":" + channel.secret("apiToken")).getBytes(StandardCharsets.UTF_8)));
        try {
            Lookup open = openIssue(base, auth, channel, n.groupKey());
            if (open.failure() != null) {
                return open.failure();
            }
            if (open.key() != null) {
                ObjectNode comment = mapper.createObjectNode();
                comment.set("body", document(n));
                OutboundHttp.Response answer = http.send(OutboundHttp.Request.json("POST",
                        URI.create(base + "/rest/api/3/issue/" + encode(open.key()) + "/comment"), auth,
                        mapper.writeValueAsString(comment)));
                return answer.ok() ? SendOutcome.delivered(answer.status(), open.key())
                        : SendOutcome.ofAnswer(answer, "Jira");
            }
            if (n.isResolved()) {
                return SendOutcome.delivered(open.status(), null);
            }
            OutboundHttp.Response answer = http.send(OutboundHttp.Request.json("POST",
                    URI.create(base + "/rest/api/3/issue"), auth, mapper.writeValueAsString(issue(channel, n))));
            if (!answer.ok()) {
                return SendOutcome.ofAnswer(answer, "Jira");
            }
            JsonNode created = mapper.readTree(answer.text());
            String key = created.path("key").asText(null);
            if (key != null) {
                remember(channel.name(), n.groupKey(), created.path("id").asText(key), key);
            }
            return SendOutcome.delivered(answer.status(), key);
        } catch (OutboundException e) {
            return SendOutcome.of(e);
        } catch (JsonProcessingException e) {
            return SendOutcome.failed(null, "Jira answered with something that is not JSON");
        }
    }

    /** The open issue of a group: its key, or none (key null), or a failed look-up. */
    private record Lookup(String key, int status, SendOutcome failure) {
    }

    private Lookup openIssue(String base, Map<String, String> auth, ResolvedChannel channel, String groupKey)
            throws OutboundException, JsonProcessingException {
        Optional<TicketStore.Ticket> known = QuarkusTransaction.requiringNew()
                .call(() -> tickets.find(channel.name(), groupKey));
        if (known.isPresent()) {
            String key = known.get().externalKey();
            OutboundHttp.Response answer = http.send(OutboundHttp.Request.json("GET",
                    URI.create(base + "/rest/api/3/issue/" + encode(key) + "?fields=status"), auth, null));
            if (answer.ok()) {
                String category = mapper.readTree(answer.text()).path("fields").path("status")
                        .path("statusCategory").path("key").asText("");
                if (!"done".equals(category)) {
                    return new Lookup(key, answer.status(), null);
                }
            } else if (answer.status() != 404) {
                return new Lookup(null, answer.status(), SendOutcome.ofAnswer(answer, "Jira"));
            }
        }
        ObjectNode search = mapper.createObjectNode();
        search.put("jql", "labels = \"" + label(groupKey) + "\" AND statusCategory != Done ORDER BY created DESC");
        search.put("maxResults", 1);
        search.putArray("fields").add("status");
        OutboundHttp.Response answer = http.send(OutboundHttp.Request.json("POST",
                URI.create(base + "/rest/api/3/search/jql"), auth, mapper.writeValueAsString(search)));
        if (!answer.ok()) {
            return new Lookup(null, answer.status(), SendOutcome.ofAnswer(answer, "Jira"));
        }
        JsonNode issue = mapper.readTree(answer.text()).path("issues").path(0);
        if (issue.isMissingNode()) {
            return new Lookup(null, answer.status(), null);
        }
        String key = issue.path("key").asText();
        remember(channel.name(), groupKey, issue.path("id").asText(key), key);
        return new Lookup(key, answer.status(), null);
    }

    private void remember(String channel, String groupKey, String id, String key) {
        QuarkusTransaction.requiringNew().run(() -> tickets.save(channel, groupKey, new TicketStore.Ticket(id, key)));
    }

    ObjectNode issue(ResolvedChannel channel, Notification n) {
        ObjectNode issue = mapper.createObjectNode();
        ObjectNode fields = issue.putObject("fields");
        JsonNode extra = channel.settings().get("fields");
        if (extra != null && extra.isObject()) {
            fields.setAll((ObjectNode) extra.deepCopy());
        }
        channel.map("fieldMapping").forEach((jiraField, findingField) ->
                fields.put(jiraField, commonOrJoined(n, FindingField.fromWire("fieldMapping", findingField))));
        fields.putObject("project").put("key", channel.text("projectKey"));
        fields.putObject("issuetype").put("name", channel.text("issueType"));
        fields.put("summary", TextSafety.truncate(TextSafety.singleLine(n.headline()), 255));
        fields.set("description", document(n));
        Set<String> labels = new LinkedHashSet<>();
        labels.add("trailwatch");
        labels.add(label(n.groupKey()));
        labels.addAll(channel.list("labels"));
        ArrayNode labelList = fields.putArray("labels");
        labels.forEach(labelList::add);
        String priority = channel.map("priorities").get(n.severity().wireName());
        if (priority != null) {
            fields.putObject("priority").put("name", priority);
        }
        return issue;
    }

    /** Atlassian Document Format: headline, facts, one item per finding with its link, the group's link. */
    ObjectNode document(Notification n) {
        ObjectNode doc = mapper.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        ArrayNode headline = paragraph(content);
        text(headline, n.headline()).putArray("marks").addObject().put("type", "strong");
        ArrayNode facts = list(content);
        for (NotificationText.Fact fact : NotificationText.facts(n)) {
            text(paragraph(item(facts)), fact.label() + ": " + fact.value());
        }
        if (!n.findings().isEmpty()) {
            ArrayNode findings = list(content);
            for (NotifiedFinding f : n.findings()) {
                ArrayNode line = paragraph(item(findings));
                text(line, NotificationText.line(f) + " ");
                link(line, "open", f.url().toString());
            }
        }
        if (n.truncated() > 0) {
            text(paragraph(content), "and " + n.truncated() + " more");
        }
        ArrayNode footer = paragraph(content);
        link(footer, "View in Trailwatch", n.url().toString());
        text(footer, " · group " + n.groupKey());
        return doc;
    }

    private static String commonOrJoined(Notification n, FindingField field) {
        String common = n.commonLabels().get(field.wireName());
        if (common != null) {
            return common;
        }
        Set<String> values = new LinkedHashSet<>();
        n.findings().forEach(f -> values.add(f.value(field)));
        values.remove("");
        return TextSafety.truncate(String.join(", ", values), 255);
    }

    private ArrayNode paragraph(ArrayNode parent) {
        return parent.addObject().put("type", "paragraph").putArray("content");
    }

    private ArrayNode list(ArrayNode parent) {
        return parent.addObject().put("type", "bulletList").putArray("content");
    }

    private ArrayNode item(ArrayNode list) {
        return list.addObject().put("type", "listItem").putArray("content");
    }

    private ObjectNode text(ArrayNode parent, String text) {
        String single = TextSafety.singleLine(text);
        return parent.addObject().put("type", "text").put("text", single.isEmpty() ? " " : single);
    }

    private void link(ArrayNode parent, String text, String href) {
        text(parent, text).putArray("marks").addObject().put("type", "link").putObject("attrs").put("href", href);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
