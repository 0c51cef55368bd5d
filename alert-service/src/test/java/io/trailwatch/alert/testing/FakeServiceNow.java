package io.trailwatch.alert.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ServiceNow Table API for incidents (query, create, get, patch) on a real HTTP server, Basic auth checked. */
public final class FakeServiceNow implements AutoCloseable {

    /** A stored incident and the work notes added to it. */
    public record Incident(String sysId, String number, JsonNode fields, List<String> workNotes) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Receiver receiver;
    private final String authorization;
    private final List<Incident> incidents = new CopyOnWriteArrayList<>();
    private final Map<String, Incident> bySysId = new ConcurrentHashMap<>();

    public FakeServiceNow(String user, String password) {
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.receiver = new Receiver(this::handle);
    }

    public String instanceUrl() {
        return receiver.url("");
    }

    public Receiver receiver() {
        return receiver;
    }

    public List<Incident> incidents() {
        return List.copyOf(incidents);
    }

    private synchronized Receiver.Reply handle(Receiver.Request r) {
        if (!authorization.equals(r.header("authorization"))) {
            return Receiver.Reply.json(401, "{\"error\":{\"message\":\"User Not Authenticated\"}}");
        }
        try {
            Matcher one = Pattern.compile("/api/now/table/incident/([0-9a-f]+)").matcher(r.path());
            if (r.path().equals("/api/now/table/incident") && r.method().equals("GET")) {
                String query = URLDecoder.decode(r.query(), StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("correlation_id=([^^&]+)\\^active=true").matcher(query);
                ObjectNode result = MAPPER.createObjectNode();
                ArrayNode list = result.putArray("result");
                if (m.find()) {
                    incidents.stream().filter(i -> i.fields().path("correlation_id").asText().equals(m.group(1)))
                            .forEach(i -> list.addObject().put("sys_id", i.sysId()).put("number", i.number()));
                }
                return Receiver.Reply.json(200, result.toString());
            }
            if (r.path().equals("/api/now/table/incident") && r.method().equals("POST")) {
                int n = incidents.size() + 1;
                Incident incident = new Incident(String.format("%032x", n), String.format("INC%07d", n),
                        MAPPER.readTree(r.body()), new CopyOnWriteArrayList<>());
                incidents.add(incident);
                bySysId.put(incident.sysId(), incident);
                return new Receiver.Reply(201, "{\"result\":{\"sys_id\":\"" + incident.sysId() + "\",\"number\":\""
                        + incident.number() + "\"}}", Map.of("Content-Type", "application/json",
                        "Location", receiver.url("/api/now/table/incident/" + incident.sysId())));
            }
            if (one.matches()) {
                Incident incident = bySysId.get(one.group(1));
                if (incident == null) {
                    return Receiver.Reply.json(404, "{}");
                }
                if (r.method().equals("PATCH")) {
                    incident.workNotes().add(MAPPER.readTree(r.body()).path("work_notes").asText());
                }
                return Receiver.Reply.json(200, "{\"result\":{\"sys_id\":\"" + incident.sysId() + "\",\"number\":\""
                        + incident.number() + "\",\"active\":\"true\"}}");
            }
            return Receiver.Reply.json(404, "{}");
        } catch (Exception e) {
            return Receiver.Reply.json(400, "{\"error\":{\"message\":\"" + e.getMessage() + "\"}}");
        }
    }

    @Override
    public void close() {
        receiver.close();
    }
}
