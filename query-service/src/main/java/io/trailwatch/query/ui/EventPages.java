package io.trailwatch.query.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.Cursor;
import io.trailwatch.query.repository.EventFilter;
import io.trailwatch.query.repository.EventRow;
import io.trailwatch.query.repository.EventSearch;
import io.trailwatch.query.repository.FindingFilter;
import io.trailwatch.query.repository.FindingSearch;
import io.trailwatch.query.repository.FindingView;
import io.trailwatch.query.repository.StoreException;
import io.trailwatch.query.repository.UserAgents;
import io.trailwatch.query.service.EventSearchTerms;
import io.trailwatch.query.service.EventSearchTerms.Source;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events pages: a search with every filter of the events API (results newest first, cursor paging, the API's
 * exports), and one event as AWS wrote it with pivots to what the same principal, IP and account did around it.
 */
@Path("/events")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class EventPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(UiContext ui, EventList page);

        static native TemplateInstance detail(UiContext ui, EventDetail page);
    }

    /** The search form as the user filled it in. */
    public record Form(String range, String from, String to, String accountId, String region, String eventSource,
                       String eventName, String principal, String sourceIPAddress, String errorCode, String readOnly,
                       String userAgent, String ruleId) {

        static Form of(PageParams p) {
            return new Form(p.raw("range"), p.raw("from"), p.raw("to"), p.raw("accountId"), p.raw("region"),
                    p.raw("eventSource"), p.raw("eventName"), p.raw("principal"), p.raw("sourceIPAddress"),
                    p.raw("errorCode"), p.raw("readOnly"), p.raw("userAgent"), p.raw("ruleId"));
        }
    }

    /**
     * The search page.
     *
     * @param csvUrl the API's CSV export of the same search
     * @param jsonUrl the API's JSON search of the same filters (one page of up to 500)
     */
    public record EventList(Form form, TimeWindow window, List<TimeWindow.Preset> presets, List<EventRow> events,
                            String firstUrl, String nextUrl, boolean paged, String csvUrl, String jsonUrl,
                            String error) {
    }

    /** A finding the event raised. */
    public record RaisedFinding(String findingId, String title, String severity, String status) {
    }

    /** The detail page; {@code event} is null when there is no such event ({@code error} says so). */
    public record EventDetail(EventRow event, String accountName, String json, String principal,
                              String principalUrl, String ipUrl, String accountUrl, List<RaisedFinding> findings,
                              String error) {
    }

    private static final Set<String> NOT_FILTERS = Set.of("cursor");

    private final EventSearch events;
    private final FindingSearch findings;
    private final UserAgents userAgents;
    private final UiContextFactory ui;
    private final QueryConfig config;

    public EventPages(EventSearch events, FindingSearch findings, UserAgents userAgents, UiContextFactory ui,
                      QueryConfig config) {
        this.events = events;
        this.findings = findings;
        this.userAgents = userAgents;
        this.ui = ui;
        this.config = config;
    }

    @GET
    public Response list(@Context UriInfo uri) {
        Map<String, List<String>> raw = uri.getQueryParameters();
        PageParams params = new PageParams(raw);
        String query = QueryLinks.query(raw, NOT_FILTERS);
        TimeWindow window = TimeWindow.defaultAt(Instant.now());
        List<EventRow> rows = List.of();
        String next = null;
        String csv = null;
        String json = null;
        String error = null;
        int status = 200;
        try {
            window = TimeWindow.of(params, Instant.now());
            EventFilter filter = filter(params, window);
            int size = config.search().defaultLimit();
            rows = events.page(filter, FindingPages.cursor(params.text("cursor")), size + 1,
                    config.search().timeout());
            if (rows.size() > size) {
                rows = rows.subList(0, size);
                EventRow last = rows.get(size - 1);
                next = QueryLinks.url("/events", QueryLinks.with(query, "cursor",
                        new Cursor(last.eventTime(), last.eventId()).encode()));
            }
            String api = QueryLinks.apiQuery(raw, window, NOT_FILTERS);
            csv = QueryLinks.url("/api/v1/events/export", api);
            json = QueryLinks.url("/api/v1/events", QueryLinks.with(api, "limit",
                    String.valueOf(config.search().maxLimit())));
        } catch (ApiException e) {
            error = e.getMessage();
            status = e.status();
        } catch (StoreException e) {
            error = FindingPages.storeMessage(e);
            status = 503;
        }
        EventList page = new EventList(Form.of(params), window, TimeWindow.PRESETS, rows,
                QueryLinks.url("/events", query), next, raw.containsKey("cursor"), csv, json, error);
        return Response.status(status).entity(Templates.list(ui.current(), page)).build();
    }

    @GET
    @Path("/{eventID}")
    public Response detail(@PathParam("eventID") String eventId) {
        EventRow row;
        List<FindingView> raised;
        try {
            row = events.find(eventId).orElse(null);
            raised = row == null ? List.of() : findings.page(new FindingFilter(null, null, null, null, null, null,
                    null, null, null, null, eventId), null, 100, config.search().timeout());
        } catch (StoreException e) {
            return Response.status(503).entity(Templates.detail(ui.current(), missing(FindingPages.storeMessage(e))))
                    .build();
        }
        if (row == null) {
            return Response.status(404).entity(Templates.detail(ui.current(), missing("No stored event has the "
                    + "eventID '" + eventId + "'. It may be past retention, or the link is wrong."))).build();
        }
        String principal = row.principalArn() != null ? row.principalArn() : row.principalName();
        EventDetail page = new EventDetail(row, config.accountNames().get(row.accountId()),
                PrettyJson.of(row.record()), principal,
                principal == null ? null : QueryLinks.eventsAround("principal", principal, row.eventTime()),
                row.sourceIp() == null ? null
                        : QueryLinks.eventsAround("sourceIPAddress", row.sourceIp(), row.eventTime()),
                row.accountId() == null ? null : QueryLinks.eventsAround("accountId", row.accountId(),
                        row.eventTime()),
                raised.stream().map(v -> new RaisedFinding(v.finding().findingId(), v.finding().title(),
                        v.finding().severity(), v.status())).toList(), null);
        return Response.ok(Templates.detail(ui.current(), page)).build();
    }

    private static EventDetail missing(String error) {
        return new EventDetail(null, null, null, null, null, null, null, List.of(), error);
    }

    /** The search as the events API reads it. */
    private EventFilter filter(PageParams p, TimeWindow window) {
        Source source = Source.parse(p.text("sourceIPAddress"));
        return new EventFilter(window.from(), window.to(), p.list("accountId"), p.list("region"),
                p.list("eventSource"), p.list("eventName"), p.text("principal"), source.address(), source.network(),
                source.host(), p.list("errorCode"), p.bool("readOnly"),
                EventSearchTerms.userAgentIds(userAgents, p.text("userAgent")), p.list("ruleId"));
    }
}
