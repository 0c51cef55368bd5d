package io.trailwatch.alert.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trailwatch.alert.model.ChannelType;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.ResolvedChannel;
import io.trailwatch.alert.repository.TicketStore;
import io.trailwatch.contracts.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * ServiceNow Table API: one incident per alert group, with the group key as correlation_id. Before creating, the
 * active incident of the group is looked up (the one recorded for the group, else by correlation_id), so repeats
 * and retries add a work note instead of a second incident.
 */
@ApplicationScoped
public class ServiceNowSender implements ChannelSender {

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final TicketStore tickets;

    public ServiceNowSender(OutboundHttp http, ObjectMapper mapper, TicketStore tickets) {
        this.http = http;
        this.mapper = mapper;
        this.tickets = tickets;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SERVICENOW;
    }

    @Override
    public SendOutcome send(ResolvedChannel channel, Notification n) {
        String table = base(channel) + "/api/now/table/" + encode(channel.text("table"));
        Map<String, String> auth = Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (channel.text("username") + ":" + channel.secret("password")).getBytes(StandardCharsets.UTF_8)));
        try {
            Optional<TicketStore.Ticket> active = activeIncident(table, auth, channel.name(), n.groupKey());
            if (active.isPresent()) {
                ObjectNode note = mapper.createObjectNode()
                        .put("work_notes", TextSafety.serviceNowText(NotificationText.plain(n)));
                OutboundHttp.Response answer = http.send(OutboundHttp.Request.json("PATCH",
                        URI.create(table + "/" + encode(active.get().externalId())), auth,
                        mapper.writeValueAsString(note)));
                return answer.ok() ? SendOutcome.delivered(answer.status(), active.get().externalKey())
                        : SendOutcome.ofAnswer(answer, "ServiceNow");
            }
            if (n.isResolved()) {
                return SendOutcome.delivered(200, null);
            }
            OutboundHttp.Response answer = http.send(OutboundHttp.Request.json("POST", URI.create(table), auth,
                    mapper.writeValueAsString(incident(channel, n))));
            if (!answer.ok()) {
                return SendOutcome.ofAnswer(answer, "ServiceNow");
            }
            JsonNode result = mapper.readTree(answer.text()).path("result");
            String sysId = result.path("sys_id").asText(null);
            String number = result.path("number").asText(null);
            if (sysId != null) {
                remember(channel.name(), n.groupKey(), new TicketStore.Ticket(sysId, number));
            }
            return SendOutcome.delivered(answer.status(), number);
        } catch (OutboundException e) {
            return SendOutcome.of(e);
        } catch (JsonProcessingException e) {
            return SendOutcome.failed(null, "ServiceNow answered with something that is not JSON");
        } catch (LookupFailed e) {
            return e.outcome;
        }
    }

    private Optional<TicketStore.Ticket> activeIncident(String table, Map<String, String> auth, String channel,
                                                        String groupKey)
            throws OutboundException, JsonProcessingException, LookupFailed {
        Optional<TicketStore.Ticket> known = QuarkusTransaction.requiringNew().call(() -> tickets.find(channel, groupKey));
        if (known.isPresent()) {
            OutboundHttp.Response answer = http.send(OutboundHttp.Request.json("GET", URI.create(table + "/"
                    + encode(known.get().externalId()) + "?sysparm_fields=sys_id,number,active"), auth, null));
            if (answer.ok()) {
                if (mapper.readTree(answer.text()).path("result").path("active").asText("").equals("true")) {
                    return known;
                }
            } else if (answer.status() != 404) {
                throw new LookupFailed(SendOutcome.ofAnswer(answer, "ServiceNow"));
            }
        }
        OutboundHttp.Response answer = http.send(OutboundHttp.Request.json("GET", URI.create(table + "?sysparm_query="
                + encode("correlation_id=" + groupKey + "^active=true")
                + "&sysparm_fields=sys_id,number&sysparm_limit=1"), auth, null));
        if (!answer.ok()) {
            throw new LookupFailed(SendOutcome.ofAnswer(answer, "ServiceNow"));
        }
        JsonNode first = mapper.readTree(answer.text()).path("result").path(0);
        if (first.isMissingNode()) {
            return Optional.empty();
        }
        TicketStore.Ticket ticket = new TicketStore.Ticket(first.path("sys_id").asText(), first.path("number").asText());
        remember(channel, groupKey, ticket);
        return Optional.of(ticket);
    }

    ObjectNode incident(ResolvedChannel channel, Notification n) {
        ObjectNode incident = mapper.createObjectNode();
        JsonNode extra = channel.settings().get("additionalFields");
        if (extra != null && extra.isObject()) {
            incident.setAll((ObjectNode) extra.deepCopy());
        }
        incident.put("short_description", TextSafety.truncate(TextSafety.serviceNowText(
                TextSafety.singleLine(n.headline())), 160));
        incident.put("description", TextSafety.serviceNowText(NotificationText.plain(n)));
        int[] impactUrgency = impactUrgency(n.severity());
        incident.put("impact", String.valueOf(impactUrgency[0]));
        incident.put("urgency", String.valueOf(impactUrgency[1]));
        incident.put("correlation_id", n.groupKey());
        incident.put("correlation_display", "Trailwatch");
        putIfSet(incident, "assignment_group", channel.text("assignmentGroup"));
        putIfSet(incident, "caller_id", channel.text("callerId"));
        putIfSet(incident, "category", channel.text("category"));
        return incident;
    }

    /** Impact and urgency (1 high .. 3 low) so the priority matrix gives P1 for critical down to P5 for info. */
    static int[] impactUrgency(Severity severity) {
        return switch (severity) {
            case CRITICAL -> new int[] {1, 1};
            case HIGH -> new int[] {1, 2};
            case MEDIUM -> new int[] {2, 2};
            case LOW -> new int[] {2, 3};
            default -> new int[] {3, 3};
        };
    }

    private void remember(String channel, String groupKey, TicketStore.Ticket ticket) {
        QuarkusTransaction.requiringNew().run(() -> tickets.save(channel, groupKey, ticket));
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private static String base(ResolvedChannel channel) {
        return OpsgenieSender.trimSlash(channel.text("instanceUrl"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A look-up answered with an error; carries the outcome to report. */
    private static final class LookupFailed extends Exception {
        private final transient SendOutcome outcome;

        LookupFailed(SendOutcome outcome) {
            super(outcome.error(), null, false, false);
            this.outcome = outcome;
        }
    }
}
