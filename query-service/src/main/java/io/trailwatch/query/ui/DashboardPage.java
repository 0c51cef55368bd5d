package io.trailwatch.query.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.common.security.Roles;
import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.AccountRepository;
import io.trailwatch.query.repository.AccountRepository.AccountRegion;
import io.trailwatch.query.repository.StoreException;
import io.trailwatch.query.service.PanelService;
import io.trailwatch.query.service.Panels;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The CIS AWS Foundations dashboard at {@code /}: the panels of {@link PanelService} (the same numbers as
 * {@code /api/v1/panels}) for the range and the accounts/regions in the URL, each linking to its events.
 */
@Path("/")
@RolesAllowed(Roles.VIEWER)
public class DashboardPage {

    private static final Logger LOG = Logger.getLogger(DashboardPage.class);
    private static final int MAX_ACCOUNTS = 500;
    static final List<Integer> REFRESH_SECONDS = List.of(0, 30, 60, 300);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(UiContext ui, DashboardView view);
    }

    private final PanelService panels;
    private final AccountRepository accounts;
    private final UiContextFactory context;
    private final ObjectMapper mapper;
    private final QueryConfig config;

    public DashboardPage(PanelService panels, AccountRepository accounts, UiContextFactory context,
                         ObjectMapper mapper, QueryConfig config) {
        this.panels = panels;
        this.accounts = accounts;
        this.context = context;
        this.mapper = mapper;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard(@QueryParam("range") String range, @QueryParam("from") String from,
                                      @QueryParam("to") String to, @QueryParam("accountId") List<String> accountId,
                                      @QueryParam("region") List<String> region,
                                      @QueryParam("refresh") String refresh) {
        Instant now = Instant.now();
        DashboardFilters filters;
        try {
            filters = DashboardFilters.parse(range, from, to, accountId, region, now);
        } catch (DashboardFilters.InvalidFilter e) {
            return Templates.dashboard(context.current(), view(DashboardFilters.defaults(now), null, refresh,
                    e.getMessage() + ". Change the filter and apply it again."));
        }
        Panels result;
        try {
            result = panels.panels(filters.from(), filters.to(), panels.bucketFor(filters.from(), filters.to()),
                    filters.accountIds(), filters.regions(), false);
        } catch (StoreException | ApiException e) {
            LOG.warnf("dashboard query failed: %s", e.getMessage());
            return Templates.dashboard(context.current(), view(filters, null, refresh,
                    "The dashboard could not be computed (" + e.getMessage() + "). Try a shorter range or fewer "
                            + "filters."));
        }
        return Templates.dashboard(context.current(), view(filters, result, refresh, null));
    }

    private DashboardView view(DashboardFilters filters, Panels result, String refresh, String error) {
        List<DashboardView.PresetLink> presets = DashboardFilters.PRESETS.stream()
                .map(p -> new DashboardView.PresetLink(p.key(), p.label(), "/?" + filters.queryWithRange(p.key()),
                        p.key().equals(filters.range())))
                .toList();
        List<DashboardView.Option> accountOptions = new ArrayList<>();
        TreeSet<String> regionValues = new TreeSet<>(filters.regions());
        Map<String, String> names = config.accountNames();
        TreeSet<String> accountIds = new TreeSet<>(filters.accountIds());
        for (AccountRegion row : accounts.page(null, MAX_ACCOUNTS)) {
            accountIds.add(row.accountId());
            if (row.region() != null && !row.region().isEmpty()) {
                regionValues.add(row.region());
            }
        }
        for (String id : accountIds) {
            String name = names.get(id);
            accountOptions.add(new DashboardView.Option(id, name == null ? id : name + " (" + id + ")",
                    filters.accountIds().contains(id)));
        }
        List<DashboardView.Option> regionOptions = regionValues.stream()
                .map(r -> new DashboardView.Option(r, r, filters.regions().contains(r))).toList();
        String refreshValue = REFRESH_SECONDS.stream().map(String::valueOf)
                .filter(v -> v.equals(refresh)).findFirst().orElse("0");
        List<DashboardView.Option> refreshOptions = REFRESH_SECONDS.stream()
                .map(s -> new DashboardView.Option(String.valueOf(s), refreshLabel(s),
                        String.valueOf(s).equals(refreshValue)))
                .toList();
        String fromInput = DashboardView.input(filters.from());
        String toInput = DashboardView.input(filters.to());
        if (result == null) {
            return new DashboardView(filters, presets, fromInput, toInput, accountOptions, regionOptions,
                    refreshOptions, Instant.now(), filters.from(), filters.to(), List.of(), List.of(), 0, "",
                    new DashboardView.OutlierSummary(0, 0, false, ""), "{}", error);
        }

        String rangeLabel = filters.isCustom() ? "period" : filters.range();
        List<DashboardView.SectionView> sections = new ArrayList<>();
        for (Panels.Section section : result.sections()) {
            if (section.panels().isEmpty()) {
                continue;
            }
            sections.add(new DashboardView.SectionView(section.id(), section.title(), section.panels().stream()
                    .map(p -> new DashboardView.PanelView(p.id(), p.title(), p.total(),
                            DashboardView.trend(p.total(), p.previousTotal(), rangeLabel),
                            DashboardView.trendClass(p.total(), p.previousTotal()), p.severity(), p.lastSeen(),
                            p.highlights().stream()
                                    .map(h -> new DashboardView.HighlightView(h.title(), h.total())).toList(),
                            DashboardView.drillDown("/events", p.ruleIds(), result.from(), result.to(), filters),
                            DashboardView.drillDown("/findings", p.ruleIds(), result.from(), result.to(), filters)))
                    .toList()));
        }
        List<DashboardView.CountryRow> countries = result.failedLoginsByCountry().stream()
                .map(c -> new DashboardView.CountryRow(c.value() == null ? "Unknown" : c.value(), c.count()))
                .toList();
        long failedLogins = countries.stream().mapToLong(DashboardView.CountryRow::count).sum();
        String failedRule = config.dashboard().failedLoginRule();
        String failedHref = DashboardView.drillDown("/events", List.of(failedRule), result.from(), result.to(),
                filters);
        List<String> detectors = result.outliers().series().stream().map(Panels.OutlierSeries::detectorId)
                .distinct().toList();
        DashboardView.OutlierSummary outliers = new DashboardView.OutlierSummary(result.outliers().series().size(),
                result.outliers().series().stream().mapToInt(Panels.OutlierSeries::outliers).sum(),
                result.outliers().truncated(),
                detectors.isEmpty() ? "/findings?" + QueryString.of(Map.of("category", List.of("outlier")))
                        : DashboardView.drillDown("/findings", detectors, result.from(), result.to(), filters));
        return new DashboardView(filters, presets, fromInput, toInput, accountOptions, regionOptions,
                refreshOptions, result.generatedAt(), result.from(), result.to(), sections, countries, failedLogins,
                failedHref, outliers, json(DashboardView.chartData(result)), error);
    }

    private String json(Map<String, Object> data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dashboard chart data is not serialisable", e);
        }
    }

    private static String refreshLabel(int seconds) {
        return switch (seconds) {
            case 0 -> "Off";
            case 30 -> "30 s";
            case 60 -> "1 min";
            default -> seconds / 60 + " min";
        };
    }
}
