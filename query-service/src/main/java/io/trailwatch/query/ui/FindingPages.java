package io.trailwatch.query.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.client.Backends;
import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.Cursor;
import io.trailwatch.query.repository.FindingFilter;
import io.trailwatch.query.repository.FindingSearch;
import io.trailwatch.query.repository.FindingView;
import io.trailwatch.query.repository.StoreException;
import io.trailwatch.query.repository.TriageRepository;
import io.trailwatch.query.service.TriageService;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The findings pages: the list with filters, paging and bulk triage, and one finding with its event, its rule, its
 * triage (status, assignee, comments, history) and the alert deliveries that mention it. Triage goes through
 * {@link TriageService}, as the API's does, so validation and history are the same.
 */
@Path("/findings")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class FindingPages {

    static final Set<String> SEVERITIES = Set.of("info", "low", "medium", "high", "critical");
    static final Set<String> CATEGORIES = Set.of("access", "configuration-change", "outlier", "custom");
    static final List<String> SEVERITY_ORDER = List.of("critical", "high", "medium", "low", "info");
    static final List<String> CATEGORY_ORDER = List.of("access", "configuration-change", "outlier", "custom");
    static final List<String> STATUS_ORDER = List.of("open", "acknowledged", "resolved", "false_positive");
    /** Parameters that are not filters: paging and the outcome of a bulk change. */
    private static final Set<String> NOT_FILTERS = Set.of("cursor", "bulk", "count");
    private static final int MAX_BULK = 500;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(UiContext ui, FindingList page);

        static native TemplateInstance detail(UiContext ui, FindingDetail page);
    }

    /** The filter form as the user filled it in (shown again as typed). */
    public record Form(String range, String from, String to, List<String> severity, List<String> status,
                       String ruleId, String accountId, String region, List<String> category, String assignee,
                       String assigned, String eventID) {

        static Form of(PageParams p, Map<String, List<String>> raw) {
            return new Form(p.raw("range"), p.raw("from"), p.raw("to"), values(raw, "severity"),
                    values(raw, "status"), p.raw("ruleId"), p.raw("accountId"), p.raw("region"),
                    values(raw, "category"), p.raw("assignee"), p.raw("assigned"), p.raw("eventID"));
        }

        public boolean hasSeverity(String value) {
            return severity.contains(value);
        }

        public boolean hasStatus(String value) {
            return status.contains(value);
        }

        public boolean hasCategory(String value) {
            return category.contains(value);
        }

        private static List<String> values(Map<String, List<String>> raw, String name) {
            List<String> out = new ArrayList<>();
            for (String value : raw.getOrDefault(name, List.of())) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
            return out;
        }
    }

    /**
     * The list page.
     *
     * @param query the filters as a query string, sent back by the bulk form so its answer shows the same list
     * @param nextUrl the next page, null on the last one
     * @param exportUrl the API's CSV export of the same filters
     */
    public record FindingList(Form form, TimeWindow window, List<TimeWindow.Preset> presets, List<String> severities,
                              List<String> statuses, List<String> categories, List<FindingView> findings, String query, String firstUrl, String nextUrl,
                              boolean paged, String exportUrl, String mineUrl, String error, String notice) {
    }

    /** A comment as the detail page shows it. */
    public record CommentRow(String author, String text, Instant createdAt) {
    }

    /** One history entry: who changed which field when, from what to what. */
    public record ChangeRow(String actor, Instant changedAt, String field, String from, String to) {
    }

    /**
     * The detail page.
     *
     * @param ruleNote why the rule is not shown (rules-service unreachable, rule unknown), else null
     * @param deliveriesNote why the deliveries are not shown (alert-service unreachable), else null
     */
    public record FindingDetail(FindingView view, String eventJson, String outlierJson, List<RuleInfo.CisRef> cis,
                                RuleInfo rule, String ruleNote, List<CommentRow> comments, List<ChangeRow> history,
                                List<DeliveryRow> deliveries, String deliveriesNote, String principal,
                                String principalUrl, String ipUrl, String accountUrl, List<String> statuses,
                                String error, String commentDraft) {
    }

    private final FindingSearch findings;
    private final TriageService triage;
    private final TriageRepository triageRepository;
    private final Backends backends;
    private final SecurityIdentity identity;
    private final UiContextFactory ui;
    private final QueryConfig config;

    public FindingPages(FindingSearch findings, TriageService triage, TriageRepository triageRepository,
                        Backends backends, SecurityIdentity identity, UiContextFactory ui, QueryConfig config) {
        this.findings = findings;
        this.triage = triage;
        this.triageRepository = triageRepository;
        this.backends = backends;
        this.identity = identity;
        this.ui = ui;
        this.config = config;
    }

    @GET
    public Response list(@Context UriInfo uri) {
        Map<String, List<String>> raw = uri.getQueryParameters();
        String notice = notice(new PageParams(raw));
        return render(raw, null, notice);
    }

    /** Applies one status and/or assignee and/or comment to the selected findings, then shows the list again. */
    @POST
    @Path("/triage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ANALYST)
    public Response bulk(@FormParam("id") List<String> ids, @FormParam("status") String status,
                         @FormParam("assignee") String assignee, @FormParam("comment") String comment,
                         @FormParam("query") String query) {
        Map<String, List<String>> raw = QueryLinks.parse(query);
        try {
            List<String> selected = ids == null ? List.of()
                    : ids.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
            if (selected.isEmpty()) {
                throw ApiException.badRequest("select at least one finding (the boxes in the first column)");
            }
            if (selected.size() > MAX_BULK) {
                throw ApiException.badRequest("at most " + MAX_BULK + " findings can be changed at once, "
                        + selected.size() + " were selected");
            }
            TriageService.Change change = new TriageService.Change(nonBlank(status),
                    nonBlank(assignee).map(Optional::of), nonBlank(comment), Optional.empty()).validated();
            TriageService.BulkResult result = triage.changeAll(selected, change, actor());
            String back = QueryLinks.query(raw, NOT_FILTERS);
            back = QueryLinks.with(QueryLinks.with(back, "bulk", status == null || status.isBlank() ? "changed"
                    : status), "count", String.valueOf(result.updated().size()));
            return Response.seeOther(URI.create("/findings?" + back)).build();
        } catch (ApiException e) {
            return render(raw, e, null);
        }
    }

    @GET
    @Path("/{id}")
    public Response detail(@PathParam("id") String id) {
        return renderDetail(id, null, null, 200);
    }

    /** Changes the status and/or assignee of one finding and/or adds a comment, then shows it again. */
    @POST
    @Path("/{id}/triage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ANALYST)
    public Response triage(@PathParam("id") String id, @FormParam("status") String status,
                           @FormParam("assignee") String assignee, @FormParam("comment") String comment,
                           @FormParam("version") String version) {
        try {
            Optional<Integer> expected = Optional.empty();
            if (version != null && !version.isBlank()) {
                try {
                    expected = Optional.of(Integer.parseInt(version.strip()));
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("'version' must be a whole number, got '" + version + "'");
                }
            }
            // The form always shows the assignee: sending it back unchanged changes nothing, clearing it unassigns.
            Optional<Optional<String>> newAssignee = assignee == null ? Optional.empty()
                    : Optional.of(nonBlank(assignee));
            triage.change(id, new TriageService.Change(nonBlank(status), newAssignee, nonBlank(comment), expected)
                    .validated(), actor());
            return Response.seeOther(URI.create("/findings/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    .replace("+", "%20") + "#history")).build();
        } catch (ApiException e) {
            return renderDetail(id, e.getMessage(), comment, e.status());
        }
    }

    private Response render(Map<String, List<String>> raw, ApiException failure, String notice) {
        PageParams params = new PageParams(raw);
        Form form = Form.of(params, raw);
        String query = QueryLinks.query(raw, NOT_FILTERS);
        TimeWindow window = TimeWindow.defaultAt(Instant.now());
        List<FindingView> rows = List.of();
        String next = null;
        String exportUrl = null;
        String error = failure == null ? null : failure.getMessage();
        int status = failure == null ? 200 : failure.status();
        try {
            window = TimeWindow.of(params, Instant.now());
            FindingFilter filter = new FindingFilter(window.from(), window.to(), params.list("ruleId"),
                    params.list("severity", SEVERITIES), params.list("status", TriageService.STATUSES),
                    params.list("accountId"), params.list("region"), params.list("category", CATEGORIES),
                    params.text("assignee"), params.bool("assigned"), params.text("eventID"));
            Cursor after = cursor(params.text("cursor"));
            int size = config.search().defaultLimit();
            rows = findings.page(filter, after, size + 1, config.search().timeout());
            if (rows.size() > size) {
                rows = rows.subList(0, size);
                FindingView last = rows.get(size - 1);
                next = QueryLinks.url("/findings", QueryLinks.with(query, "cursor",
                        new Cursor(last.finding().eventTime(), last.finding().findingId()).encode()));
            }
            exportUrl = QueryLinks.url("/api/v1/findings/export", QueryLinks.apiQuery(raw, window, NOT_FILTERS));
        } catch (ApiException e) {
            error = e.getMessage();
            status = e.status();
        } catch (StoreException e) {
            error = storeMessage(e);
            status = 503;
        }
        String mine = QueryLinks.url("/findings", QueryLinks.with(QueryLinks.query(raw,
                Set.of("cursor", "bulk", "count", "assignee", "assigned")), "assignee", actor()));
        FindingList page = new FindingList(form, window, TimeWindow.PRESETS, SEVERITY_ORDER, STATUS_ORDER,
                CATEGORY_ORDER, rows, query,
                QueryLinks.url("/findings", query), next, raw.containsKey("cursor"), exportUrl, mine, error, notice);
        return Response.status(status).entity(Templates.list(ui.current(), page)).build();
    }

    private Response renderDetail(String id, String error, String commentDraft, int status) {
        Optional<FindingView> found;
        try {
            found = findings.find(id);
        } catch (StoreException e) {
            return Response.status(503).entity(Templates.detail(ui.current(), missing(storeMessage(e)))).build();
        }
        if (found.isEmpty()) {
            return Response.status(404).entity(Templates.detail(ui.current(),
                    missing("No finding has the id '" + id + "'. It may be past retention, or the link is wrong."))).build();
        }
        FindingView view = found.get();
        var f = view.finding();
        List<CommentRow> comments = triageRepository.comments(id).stream()
                .map(c -> new CommentRow(c.author, c.body, c.createdAt)).toList();
        List<ChangeRow> history = triageRepository.history(id).stream()
                .map(h -> new ChangeRow(h.actor, h.changedAt, h.field, h.fromValue, h.toValue)).toList();

        RuleInfo rule = null;
        String ruleNote = null;
        BackendReply ruleReply = BackendReply.get(backends.rules(), "/api/v1/rules/" + segment(f.ruleId()), actor());
        if (ruleReply.ok()) {
            rule = RuleInfo.of(ruleReply.json());
        } else if (ruleReply.status() == 404) {
            ruleNote = "rules-service does not know the rule '" + f.ruleId() + "' any more (removed or renamed).";
        } else {
            ruleNote = "The rule's description and remediation are not available: " + ruleReply.message();
        }

        List<DeliveryRow> deliveries = List.of();
        String deliveriesNote = null;
        BackendReply deliveryReply = BackendReply.get(backends.alerts(), "/api/v1/deliveries?findingId="
                + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&limit=100", actor());
        if (deliveryReply.ok()) {
            deliveries = DeliveryRow.listOf(deliveryReply.json().path("items"));
        } else {
            deliveriesNote = "The alert deliveries are not available: " + deliveryReply.message();
        }

        String principal = f.principalArn() != null ? f.principalArn() : f.principalName();
        FindingDetail page = new FindingDetail(view, PrettyJson.of(f.eventJson()), PrettyJson.of(f.outlierJson()),
                f.cisJson() == null ? List.of() : RuleInfo.cisOf(BackendReply.parseField("cis", f.cisJson())),
                rule, ruleNote, comments, history, deliveries, deliveriesNote, principal,
                principal == null ? null : QueryLinks.eventsAround("principal", principal, f.eventTime()),
                f.sourceIp() == null ? null : QueryLinks.eventsAround("sourceIPAddress", f.sourceIp(), f.eventTime()),
                f.accountId() == null ? null : QueryLinks.eventsAround("accountId", f.accountId(), f.eventTime()),
                STATUS_ORDER, error, commentDraft);
        return Response.status(status).entity(Templates.detail(ui.current(), page)).build();
    }

    private static FindingDetail missing(String error) {
        return new FindingDetail(null, null, null, List.of(), null, null, List.of(), List.of(), List.of(), null,
                null, null, null, null, STATUS_ORDER, error, null);
    }

    private static String notice(PageParams params) {
        String bulk = params.raw("bulk");
        String count = params.raw("count");
        if (bulk.isEmpty() || !count.matches("\\d{1,4}")) {
            return null;
        }
        String what = switch (bulk) {
            case "acknowledged", "resolved", "open" -> "marked " + bulk;
            case "false_positive" -> "marked false positive";
            default -> "changed";
        };
        return count + (count.equals("1") ? " finding " : " findings ") + what + ".";
    }

    static Cursor cursor(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Cursor.decode(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'cursor': " + e.getMessage() + "; start again from the first page");
        }
    }

    static String storeMessage(StoreException e) {
        return e.isTimeout()
                ? "The search took too long and was cancelled: narrow the time range or add filters."
                : "The query store failed to answer; try again in a moment.";
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
