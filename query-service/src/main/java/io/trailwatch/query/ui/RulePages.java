package io.trailwatch.query.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.client.Backends;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules page: rules-service's rules and outlier detectors with their status and load errors, and a "try a
 * pattern" box that runs a filter pattern against pasted events through rules-service's pattern API.
 */
@Path("/rules")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class RulePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rules(UiContext ui, RulesPage page);
    }

    /** A custom rule file rules-service could not load. */
    public record LoadError(String file, String id, String message) {
    }

    /** How one pasted event fared against the pattern. */
    public record PatternMatch(int index, String eventID, String eventName, boolean match) {
    }

    /**
     * What "try a pattern" answered: the matches, or the pattern's error with its position.
     *
     * @param excerpt the pattern's line with a caret under the error, as rules-service shows it
     */
    public record PatternResult(List<PatternMatch> matches, int matched, String error, Integer line, Integer column,
                                String excerpt) {

        public boolean checkedOnly() {
            return error == null && matches.isEmpty();
        }
    }

    /**
     * The page.
     *
     * @param loadNote why the rules are not shown (rules-service unreachable), else null
     */
    public record RulesPage(String cisVersion, List<RuleInfo> rules, List<RuleInfo> detectors,
                            List<LoadError> loadErrors, String geoDatabase, String geoAttribution, String loadNote,
                            String pattern, String events, PatternResult result) {
    }

    private static final String EVENTS_HINT = "the events: a JSON array of CloudTrail records, a CloudTrail file "
            + "({\"Records\": [...]}), one record, or one record per line";

    private final Backends backends;
    private final SecurityIdentity identity;
    private final UiContextFactory ui;

    public RulePages(Backends backends, SecurityIdentity identity, UiContextFactory ui) {
        this.backends = backends;
        this.identity = identity;
        this.ui = ui;
    }

    @GET
    public TemplateInstance rules() {
        return Templates.rules(ui.current(), page("", "", null));
    }

    /** Runs a pattern against pasted events (rules-service publishes nothing) and shows the page with the result. */
    @POST
    @Path("/pattern")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ANALYST)
    public Response tryPattern(@FormParam("pattern") String pattern, @FormParam("events") String events) {
        String patternText = pattern == null ? "" : pattern;
        String eventsText = events == null ? "" : events;
        PatternResult result;
        int status = 200;
        try {
            if (patternText.isBlank()) {
                throw ApiException.badRequest("'pattern' is empty: type a filter pattern such as "
                        + "{ $.eventName = ConsoleLogin }");
            }
            List<JsonNode> parsed = parseEvents(eventsText);
            ObjectNode body = BackendReply.mapper().createObjectNode().put("pattern", patternText);
            if (!parsed.isEmpty()) {
                ArrayNode array = body.putArray("events");
                parsed.forEach(array::add);
            }
            BackendReply reply = BackendReply.call(backends.rules(), "POST", "/api/v1/patterns/test", body,
                    identity.getPrincipal().getName());
            if (reply.ok()) {
                List<PatternMatch> matches = new ArrayList<>();
                for (JsonNode r : reply.json().path("results")) {
                    int index = r.path("index").asInt();
                    JsonNode event = index < parsed.size() ? parsed.get(index) : BackendReply.mapper().nullNode();
                    matches.add(new PatternMatch(index, DeliveryRow.text(r, "eventID"),
                            DeliveryRow.text(event, "eventName"), r.path("match").asBoolean()));
                }
                result = new PatternResult(matches, reply.json().path("matched").asInt(), null, null, null, null);
            } else {
                JsonNode err = reply.json();
                status = reply.status() == 400 ? 400 : 502;
                result = new PatternResult(List.of(), 0, reply.message(),
                        err.hasNonNull("line") ? err.get("line").asInt() : null,
                        err.hasNonNull("column") ? err.get("column").asInt() : null,
                        DeliveryRow.text(err, "excerpt"));
            }
        } catch (ApiException e) {
            status = e.status();
            result = new PatternResult(List.of(), 0, e.getMessage(), null, null, null);
        }
        return Response.status(status).entity(Templates.rules(ui.current(), page(patternText, eventsText, result)))
                .build();
    }

    private RulesPage page(String pattern, String events, PatternResult result) {
        BackendReply reply = BackendReply.get(backends.rules(), "/api/v1/rules", identity.getPrincipal().getName());
        if (!reply.ok()) {
            return new RulesPage(null, List.of(), List.of(), List.of(), null, null,
                    "The rules cannot be shown: " + reply.message(), pattern, events, result);
        }
        JsonNode body = reply.json();
        List<RuleInfo> rules = new ArrayList<>();
        body.path("rules").forEach(r -> rules.add(RuleInfo.of(r)));
        List<RuleInfo> detectors = new ArrayList<>();
        body.path("detectors").forEach(d -> detectors.add(RuleInfo.of(d)));
        List<LoadError> errors = new ArrayList<>();
        body.path("loadErrors").forEach(e -> errors.add(new LoadError(DeliveryRow.text(e, "file"),
                DeliveryRow.text(e, "id"), DeliveryRow.text(e, "message"))));
        return new RulesPage(DeliveryRow.text(body, "cisVersion"), rules, detectors, errors,
                DeliveryRow.text(body.path("geo"), "countryDatabase"),
                DeliveryRow.text(body.path("geo"), "attribution"), null, pattern, events, result);
    }

    /**
     * Reads the pasted events: a JSON array, a CloudTrail file, one object, or one object per line; empty text
     * checks the pattern's syntax only.
     */
    static List<JsonNode> parseEvents(String text) {
        List<JsonNode> events = new ArrayList<>();
        if (text.isBlank()) {
            return events;
        }
        JsonNode whole;
        try {
            whole = BackendReply.mapper().readTree(text);
        } catch (java.io.IOException e) {
            whole = null;
        }
        if (whole != null && whole.isObject() && whole.path("Records").isArray()) {
            whole.path("Records").forEach(events::add);
        } else if (whole != null && whole.isArray()) {
            whole.forEach(events::add);
        } else if (whole != null && whole.isObject()) {
            events.add(whole);
        } else {
            String[] lines = text.split("\\R");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                JsonNode line;
                try {
                    line = BackendReply.mapper().readTree(lines[i]);
                } catch (java.io.IOException e) {
                    throw ApiException.badRequest("'events' line " + (i + 1) + " is not JSON; paste " + EVENTS_HINT);
                }
                events.add(line);
            }
        }
        for (int i = 0; i < events.size(); i++) {
            if (!events.get(i).isObject()) {
                throw ApiException.badRequest("'events' item " + (i + 1) + " is not a JSON object; paste "
                        + EVENTS_HINT);
            }
        }
        return events;
    }
}
