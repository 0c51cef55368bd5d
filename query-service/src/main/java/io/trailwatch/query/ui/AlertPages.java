package io.trailwatch.query.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.client.BackendClient;
import io.trailwatch.query.client.Backends;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alerts page: alert-service's channels, routes, silences and delivery log. Admins create, edit and delete
 * channels and routes and send test notifications; analysts create and expire silences; viewers read. Every call
 * goes through the backend client as the signed-in user (X-Trailwatch-Acting-User), with the roles enforced here as
 * the API proxy enforces them, and alert-service's own validation messages are shown next to the form.
 */
@Path("/alerts")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class AlertPages {

    /** The finding fields a silence matcher can test (alert-service's FindingField wire names). */
    static final List<String> MATCHER_FIELDS = List.of("ruleId", "accountId", "region", "severity", "category",
            "eventName", "eventSource", "principalType", "principalArn", "userName", "sourceIPAddress", "country",
            "title", "findingId");
    static final List<String> MATCHER_OPS = List.of("=", "!=", "=~", "!~");
    /** Matcher rows the silence form offers. */
    static final int MATCHER_ROWS = 3;
    private static final int DELIVERY_PAGE = 50;
    static final List<String> DELIVERY_STATUSES = List.of("pending", "retrying", "delivered", "failed", "silenced");
    static final List<String> DELIVERY_KINDS = List.of("firing", "resolved", "test");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(UiContext ui, AlertsPage page);
    }

    /** A matcher row of the silence form as typed. */
    public record MatcherDraft(String field, String op, String value) {
    }

    /**
     * What the user typed into a form that failed, so it is shown again with the error next to it.
     *
     * @param section {@code channels}, {@code routes}, {@code silences} or {@code deliveries}: where the error shows
     * @param editing the channel or route whose edit form failed (its text is {@code editText}), else null
     */
    public record Draft(String section, String error, String channelName, String channelType,
                        String channelSettings, String routeName, String routeBody, List<MatcherDraft> matchers,
                        String silenceDuration, String silenceComment, String editing, String editText) {

        static Draft empty() {
            List<MatcherDraft> rows = new ArrayList<>();
            for (int i = 0; i < MATCHER_ROWS; i++) {
                rows.add(new MatcherDraft(i == 0 ? "accountId" : i == 1 ? "ruleId" : "region", "=", ""));
            }
            return new Draft(null, null, "", "webhook", "{\n  \"url\": \"https://\"\n}", "",
                    "{\n  \"order\": 100,\n  \"channels\": [],\n  \"match\": {\"minSeverity\": \"high\"},\n"
                            + "  \"groupBy\": [\"ruleId\", \"accountId\"]\n}", rows, "2h", "", null, null);
        }

        Draft failed(String section, String message) {
            return new Draft(section, message, channelName, channelType, channelSettings, routeName, routeBody,
                    matchers, silenceDuration, silenceComment, editing, editText);
        }

        public boolean errorIn(String name) {
            return error != null && name.equals(section);
        }

        /** The text to show in the edit form of a channel or route: what was typed if saving it failed. */
        public String editTextFor(String kind, String name, String stored) {
            return editingNow(kind, name) ? editText : stored;
        }

        /** Whether the edit form of this channel or route ({@code kind} channel or route) failed. */
        public boolean editingNow(String kind, String name) {
            return (kind + ":" + name).equals(editing);
        }
    }

    /** What a test notification did. */
    public record TestResult(String channel, boolean delivered, String responseCode, String error, long durationMs,
                             String deliveryId) {
    }

    /**
     * The page.
     *
     * @param note why alert-service's data is not shown (unreachable, not configured), else null
     */
    public record AlertsPage(String note, List<AlertConfigViews.ChannelRow> channels,
                             List<AlertConfigViews.ChannelType> channelTypes, List<AlertConfigViews.RouteRow> routes,
                             List<AlertConfigViews.SilenceRow> silences, List<DeliveryRow> deliveries,
                             String deliveryChannel, String deliveryStatus, String deliveryKind,
                             List<String> deliveryStatuses, List<String> deliveryKinds, String nextDeliveries,
                             boolean deliveriesPaged, List<String> matcherFields, List<String> matcherOps, Draft draft,
                             TestResult testResult) {
    }

    private final Backends backends;
    private final SecurityIdentity identity;
    private final UiContextFactory ui;

    public AlertPages(Backends backends, SecurityIdentity identity, UiContextFactory ui) {
        this.backends = backends;
        this.identity = identity;
        this.ui = ui;
    }

    @GET
    public Response page(@Context UriInfo uri) {
        return render(uri.getQueryParameters(), Draft.empty(), null, 200);
    }

    @POST
    @Path("/channels")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response createChannel(@FormParam("name") String name, @FormParam("type") String type,
                                  @FormParam("settings") String settings) {
        Draft draft = new Draft(null, null, orEmpty(name), orEmpty(type), orEmpty(settings), "", "",
                Draft.empty().matchers(), "2h", "", null, null);
        try {
            ObjectNode body = object("settings", settings);
            body.put("name", required("name", name)).put("type", required("type", type));
            return done(BackendReply.call(alerts(), "POST", "/api/v1/channels", body, actor()), draft, "channels");
        } catch (ApiException e) {
            return render(Map.of(), draft.failed("channels", e.getMessage()), null, e.status());
        }
    }

    @POST
    @Path("/channels/{name}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response updateChannel(@PathParam("name") String name, @FormParam("type") String type,
                                  @FormParam("settings") String settings) {
        Draft draft = editDraft("channel:" + name, settings);
        try {
            ObjectNode body = object("settings", settings);
            body.put("type", required("type", type));
            return done(BackendReply.call(alerts(), "PUT", "/api/v1/channels/" + FindingPages.segment(name), body,
                    actor()), draft, "channels");
        } catch (ApiException e) {
            return render(Map.of(), draft.failed("channels", e.getMessage()), null, e.status());
        }
    }

    @POST
    @Path("/channels/{name}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response deleteChannel(@PathParam("name") String name) {
        return done(BackendReply.call(alerts(), "DELETE", "/api/v1/channels/" + FindingPages.segment(name), null,
                actor()), Draft.empty(), "channels");
    }

    /** Sends a test notification now and shows what the receiver answered. */
    @POST
    @Path("/channels/{name}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response testChannel(@PathParam("name") String name) {
        BackendReply reply = BackendReply.call(alerts(), "POST", "/api/v1/channels/" + FindingPages.segment(name)
                + "/test", null, actor());
        if (!reply.ok()) {
            return render(Map.of(), Draft.empty().failed("channels", "Test of channel '" + name + "' not sent: "
                    + reply.message()), null, reply.status() >= 500 ? 502 : reply.status());
        }
        JsonNode r = reply.json();
        TestResult result = new TestResult(name, r.path("delivered").asBoolean(), DeliveryRow.text(r, "responseCode"),
                DeliveryRow.text(r, "error"), r.path("durationMs").asLong(), DeliveryRow.text(r, "deliveryId"));
        return render(Map.of(), Draft.empty(), result, 200);
    }

    @POST
    @Path("/routes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response createRoute(@FormParam("name") String name, @FormParam("route") String route) {
        Draft empty = Draft.empty();
        Draft draft = new Draft(null, null, "", "webhook", empty.channelSettings(), orEmpty(name), orEmpty(route),
                empty.matchers(), "2h", "", null, null);
        try {
            ObjectNode body = object("route", route);
            body.put("name", required("name", name));
            return done(BackendReply.call(alerts(), "POST", "/api/v1/routes", body, actor()), draft, "routes");
        } catch (ApiException e) {
            return render(Map.of(), draft.failed("routes", e.getMessage()), null, e.status());
        }
    }

    @POST
    @Path("/routes/{name}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response updateRoute(@PathParam("name") String name, @FormParam("route") String route) {
        Draft draft = editDraft("route:" + name, route);
        try {
            ObjectNode body = object("route", route);
            return done(BackendReply.call(alerts(), "PUT", "/api/v1/routes/" + FindingPages.segment(name), body,
                    actor()), draft, "routes");
        } catch (ApiException e) {
            return render(Map.of(), draft.failed("routes", e.getMessage()), null, e.status());
        }
    }

    @POST
    @Path("/routes/{name}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response deleteRoute(@PathParam("name") String name) {
        return done(BackendReply.call(alerts(), "DELETE", "/api/v1/routes/" + FindingPages.segment(name), null,
                actor()), Draft.empty(), "routes");
    }

    /** Creates a silence from the matcher rows that have a value. */
    @POST
    @Path("/silences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ANALYST)
    public Response createSilence(@FormParam("field") List<String> fields, @FormParam("op") List<String> ops,
                                  @FormParam("value") List<String> values, @FormParam("duration") String duration,
                                  @FormParam("comment") String comment) {
        List<MatcherDraft> rows = new ArrayList<>();
        int count = values == null ? 0 : values.size();
        for (int i = 0; i < Math.max(count, MATCHER_ROWS); i++) {
            rows.add(new MatcherDraft(at(fields, i, "accountId"), at(ops, i, "="), at(values, i, "")));
        }
        Draft empty = Draft.empty();
        Draft draft = new Draft(null, null, "", "webhook", empty.channelSettings(), "", empty.routeBody(), rows,
                orEmpty(duration), orEmpty(comment), null, null);
        try {
            ObjectNode body = BackendReply.mapper().createObjectNode();
            ArrayNode matchers = body.putArray("matchers");
            for (MatcherDraft row : rows) {
                if (!row.value().isBlank()) {
                    matchers.addObject().put("field", row.field()).put("op", row.op()).put("value", row.value());
                }
            }
            if (matchers.isEmpty()) {
                throw ApiException.badRequest("a silence needs at least one matcher: give a value in one of the rows");
            }
            body.put("duration", required("duration", duration));
            body.put("comment", orEmpty(comment).strip());
            return done(BackendReply.call(alerts(), "POST", "/api/v1/silences", body, actor()), draft, "silences");
        } catch (ApiException e) {
            return render(Map.of(), draft.failed("silences", e.getMessage()), null, e.status());
        }
    }

    @POST
    @Path("/silences/{id}/expire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ANALYST)
    public Response expireSilence(@PathParam("id") String id) {
        return done(BackendReply.call(alerts(), "DELETE", "/api/v1/silences/" + FindingPages.segment(id), null,
                actor()), Draft.empty(), "silences");
    }

    /** After a change: back to the page (at the section) when alert-service took it, else the page with its message. */
    private Response done(BackendReply reply, Draft draft, String section) {
        if (reply.ok()) {
            return Response.seeOther(URI.create("/alerts#" + section)).build();
        }
        int status = reply.status() >= 500 ? 502 : reply.status();
        return render(Map.of(), draft.failed(section, reply.message()), null, status);
    }

    private Response render(Map<String, List<String>> query, Draft draft, TestResult test, int status) {
        BackendClient alerts = alerts();
        String user = actor();
        PageParams params = new PageParams(query);
        BackendReply channels = BackendReply.get(alerts, "/api/v1/channels", user);
        String note = channels.ok() ? null : "alert-service's configuration cannot be shown: " + channels.message();
        List<AlertConfigViews.ChannelRow> channelRows = new ArrayList<>();
        List<AlertConfigViews.ChannelType> types = new ArrayList<>();
        List<AlertConfigViews.RouteRow> routes = new ArrayList<>();
        List<AlertConfigViews.SilenceRow> silences = new ArrayList<>();
        List<DeliveryRow> deliveries = new ArrayList<>();
        String next = null;
        Draft shown = draft;
        if (note == null) {
            channels.json().forEach(c -> channelRows.add(AlertConfigViews.ChannelRow.of(c)));
            BackendReply typeReply = BackendReply.get(alerts, "/api/v1/channel-types", user);
            typeReply.json().forEach(t -> types.add(AlertConfigViews.ChannelType.of(t)));
            BackendReply routeReply = BackendReply.get(alerts, "/api/v1/routes", user);
            routeReply.json().forEach(r -> routes.add(AlertConfigViews.RouteRow.of(r)));
            BackendReply silenceReply = BackendReply.get(alerts, "/api/v1/silences", user);
            silenceReply.json().forEach(s -> silences.add(AlertConfigViews.SilenceRow.of(s)));
            String deliveryQuery = QueryLinks.query(Map.of(
                    "channel", List.of(params.raw("channel")), "status", List.of(params.raw("status")),
                    "kind", List.of(params.raw("kind")), "cursor", List.of(params.raw("cursor"))), Set.of());
            BackendReply deliveryReply = BackendReply.get(alerts, QueryLinks.url("/api/v1/deliveries",
                    QueryLinks.with(deliveryQuery, "limit", String.valueOf(DELIVERY_PAGE))), user);
            if (deliveryReply.ok()) {
                deliveries.addAll(DeliveryRow.listOf(deliveryReply.json().path("items")));
                String cursor = DeliveryRow.text(deliveryReply.json(), "nextCursor");
                if (cursor != null) {
                    next = QueryLinks.url("/alerts", QueryLinks.with(QueryLinks.query(query, Set.of("cursor")),
                            "cursor", cursor)) + "#deliveries";
                }
            } else if (shown.error() == null) {
                shown = shown.failed("deliveries", deliveryReply.message());
            }
        }
        AlertsPage page = new AlertsPage(note, channelRows, types, routes, silences, deliveries,
                params.raw("channel"), params.raw("status"), params.raw("kind"), DELIVERY_STATUSES, DELIVERY_KINDS,
                next, query.containsKey("cursor"),
                MATCHER_FIELDS, MATCHER_OPS, shown, test);
        return Response.status(status).entity(Templates.alerts(ui.current(), page)).build();
    }

    private Draft editDraft(String target, String text) {
        Draft empty = Draft.empty();
        return new Draft(null, null, "", "webhook", empty.channelSettings(), "", empty.routeBody(), empty.matchers(),
                "2h", "", target, orEmpty(text));
    }

    /** A JSON object typed into a form field; the message names the field. */
    private static ObjectNode object(String field, String text) {
        if (text == null || text.isBlank()) {
            return BackendReply.mapper().createObjectNode();
        }
        JsonNode node = BackendReply.parseField(field, text);
        if (!node.isObject()) {
            throw ApiException.badRequest("'" + field + "' must be a JSON object ({ ... })");
        }
        return (ObjectNode) node;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("'" + field + "' is required");
        }
        return value.strip();
    }

    private static String at(List<String> values, int index, String fallback) {
        return values != null && index < values.size() && values.get(index) != null ? values.get(index) : fallback;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private BackendClient alerts() {
        return backends.alerts();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
