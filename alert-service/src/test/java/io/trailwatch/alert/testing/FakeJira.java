package io.trailwatch.alert.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira Cloud REST v3 as far as alert-service uses it (create issue, search by JQL label, get issue status, add
 * comment), on a real HTTP server, with Basic authentication checked.
 */
public final class FakeJira implements AutoCloseable {

    /** An issue as the fake stores it. */
    public record Issue(String id, String key, List<String> labels, JsonNode fields, List<JsonNode> comments,
                        String[] statusCategory) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern LABEL = Pattern.compile("labels = \"([^\"]+)\"");
    private final Receiver receiver;
    private final String authorization;
    private final List<Issue> issues = new CopyOnWriteArrayList<>();
    private final Map<String, Issue> byKey = new ConcurrentHashMap<>();

    public FakeJira(String email, String token) {
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((email + ":" + token)
                .getBytes(StandardCharsets.UTF_8));
        this.receiver = new Receiver(this::handle);
    }

    public String baseUrl() {
        return receiver.url("");
    }

    public Receiver receiver() {
        return receiver;
    }

    public List<Issue> issues() {
        return List.copyOf(issues);
    }

    /** An issue that exists before alert-service looks, e.g. opened by an earlier installation. */
    public Issue seed(List<String> labels) {
        return create(labels, MAPPER.createObjectNode());
    }

    public void close(Issue issue) {
        issue.statusCategory()[0] = "done";
    }

    private synchronized Issue create(List<String> labels, JsonNode fields) {
        int n = issues.size() + 1;
        Issue issue = new Issue(String.valueOf(10_000 + n), "SEC-" + n, labels, fields, new CopyOnWriteArrayList<>(),
                new String[] {"new"});
        issues.add(issue);
        byKey.put(issue.key(), issue);
        return issue;
    }

    private Receiver.Reply handle(Receiver.Request r) {
        if (!authorization.equals(r.header("authorization"))) {
            return Receiver.Reply.json(401, "{\"errorMessages\":[\"unauthorized\"]}");
        }
        try {
            if (r.method().equals("POST") && r.path().equals("/rest/api/3/issue")) {
                JsonNode fields = MAPPER.readTree(r.body()).get("fields");
                List<String> labels = new ArrayList<>();
                fields.path("labels").forEach(l -> labels.add(l.asText()));
                Issue issue = create(labels, fields);
                return Receiver.Reply.json(201, "{\"id\":\"" + issue.id() + "\",\"key\":\"" + issue.key()
                        + "\",\"self\":\"x\"}");
            }
            if (r.method().equals("POST") && r.path().equals("/rest/api/3/search/jql")) {
                String jql = MAPPER.readTree(r.body()).get("jql").asText();
                Matcher m = LABEL.matcher(jql);
                ObjectNode result = MAPPER.createObjectNode();
                ArrayNode found = result.putArray("issues");
                if (m.find()) {
                    for (Issue issue : issues) {
                        boolean open = !issue.statusCategory()[0].equals("done") || !jql.contains("statusCategory != Done");
                        if (issue.labels().contains(m.group(1)) && open) {
                            found.addObject().put("id", issue.id()).put("key", issue.key());
                        }
                    }
                }
                return Receiver.Reply.json(200, result.toString());
            }
            Matcher comment = Pattern.compile("/rest/api/3/issue/([A-Z]+-\\d+)/comment").matcher(r.path());
            if (r.method().equals("POST") && comment.matches()) {
                Issue issue = byKey.get(comment.group(1));
                if (issue == null) {
                    return Receiver.Reply.json(404, "{}");
                }
                issue.comments().add(MAPPER.readTree(r.body()).get("body"));
                return Receiver.Reply.json(201, "{\"id\":\"1\"}");
            }
            Matcher get = Pattern.compile("/rest/api/3/issue/([A-Z]+-\\d+)").matcher(r.path());
            if (r.method().equals("GET") && get.matches()) {
                Issue issue = byKey.get(get.group(1));
                if (issue == null) {
                    return Receiver.Reply.json(404, "{}");
                }
                return Receiver.Reply.json(200, "{\"key\":\"" + issue.key()
                        + "\",\"fields\":{\"status\":{\"statusCategory\":{\"key\":\"" + issue.statusCategory()[0] + "\"}}}}");
            }
            return Receiver.Reply.json(404, "{}");
        } catch (Exception e) {
            return Receiver.Reply.json(400, "{\"errorMessages\":[\"" + e.getMessage() + "\"]}");
        }
    }

    @Override
    public void close() {
        receiver.close();
    }
}
