package io.trailwatch.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.model.Durations;
import io.trailwatch.alert.model.FindingField;
import io.trailwatch.alert.model.Route;
import io.trailwatch.alert.model.RouteMatch;
import io.trailwatch.alert.model.ValueFilter;
import io.trailwatch.alert.repository.ChannelRepository;
import io.trailwatch.alert.repository.RouteEntity;
import io.trailwatch.alert.repository.RouteRepository;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.contracts.Category;
import io.trailwatch.contracts.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Routes: which findings go to which channels and how they are grouped. Evaluated in {@code order} (then name);
 * the first matching route takes a finding unless it has {@code continue: true}.
 */
@ApplicationScoped
public class RouteService {

    static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);
    private static final Set<String> FIELDS = new LinkedHashSet<>(List.of("name", "order", "channels", "match",
            "groupBy", "groupWait", "groupInterval", "repeatInterval", "continue"));
    private static final Set<String> MATCH_FIELDS = new LinkedHashSet<>(List.of("minSeverity", "ruleIds",
            "excludeRuleIds", "categories", "excludeCategories", "accountIds", "excludeAccountIds", "regions",
            "excludeRegions"));
    private static final Set<String> READ_ONLY = Set.of("createdAt", "updatedAt", "createdBy", "updatedBy");

    /** The outcome of a PUT. */
    public record Saved(ObjectNode route, boolean created) {
    }

    private final RouteRepository routes;
    private final ChannelRepository channels;
    private final ObjectMapper mapper;

    public RouteService(RouteRepository routes, ChannelRepository channels, ObjectMapper mapper) {
        this.routes = routes;
        this.channels = channels;
        this.mapper = mapper;
    }

    @Transactional
    public List<ObjectNode> list() {
        return routes.listInOrder().stream().map(this::view).toList();
    }

    @Transactional
    public ObjectNode get(String name) {
        return view(find(name));
    }

    @Transactional
    public ObjectNode create(JsonNode body, String user) {
        Input.object(body, "route");
        String name = Input.name("name", Input.text(body, "name", true));
        if (routes.findById(name) != null) {
            throw ApiException.conflict("route '" + name + "' exists; use PUT /api/v1/routes/" + name + " to change it");
        }
        return save(null, name, body, user);
    }

    @Transactional
    public Saved put(String name, JsonNode body, String user) {
        Input.object(body, "route");
        Input.name("name", name);
        String inBody = Input.text(body, "name", false);
        if (inBody != null && !inBody.equals(name)) {
            throw Input.bad("'name' in the body ('" + inBody + "') differs from the path ('" + name
                    + "'); routes cannot be renamed");
        }
        RouteEntity existing = routes.findById(name);
        return new Saved(save(existing, name, body, user), existing == null);
    }

    @Transactional
    public void delete(String name) {
        routes.delete(find(name));
    }

    /** Every route in evaluation order, as the grouping code uses them. */
    @Transactional
    public List<Route> catalog() {
        return routes.listInOrder().stream().map(this::toRoute).toList();
    }

    /** Creates or updates a route from code (bootstrap), with the same validation as the API. */
    @Transactional
    public void ensure(String name, JsonNode body, String user) {
        save(routes.findById(name), name, body, user);
    }

    private RouteEntity find(String name) {
        RouteEntity entity = routes.findById(name);
        if (entity == null) {
            throw ApiException.notFound("no route named '" + name + "'");
        }
        return entity;
    }

    private ObjectNode save(RouteEntity existing, String name, JsonNode body, String user) {
        Input.onlyKnown(body, "route", FIELDS, READ_ONLY);
        List<String> channelNames = Input.strings(body, "channels");
        if (channelNames.isEmpty()) {
            throw Input.bad("'channels' must name at least one channel");
        }
        for (String channel : channelNames) {
            if (channels.findById(channel) == null) {
                throw Input.bad("'channels' names '" + channel + "', which is not a channel; create it first with "
                        + "POST /api/v1/channels");
            }
        }
        if (new LinkedHashSet<>(channelNames).size() != channelNames.size()) {
            throw Input.bad("'channels' lists a channel twice");
        }
        RouteMatch match = parseMatch(body.get("match"));
        List<FindingField> groupBy = parseGroupBy(Input.strings(body, "groupBy"));
        Duration wait = duration(body, "groupWait", DEFAULT_GROUP_WAIT);
        Duration interval = duration(body, "groupInterval", DEFAULT_GROUP_INTERVAL);
        Duration repeat = duration(body, "repeatInterval", DEFAULT_REPEAT_INTERVAL);
        JsonNode order = body.get("order");
        if (order != null && !order.isNull() && !order.canConvertToInt()) {
            throw Input.bad("'order' must be a whole number, got " + order);
        }

        RouteEntity entity = existing == null ? new RouteEntity() : existing;
        Instant now = Instant.now();
        if (existing == null) {
            entity.name = name;
            entity.createdAt = now;
            entity.createdBy = user;
            entity.position = order == null || order.isNull() ? routes.nextPosition() : order.asInt();
        } else if (order != null && !order.isNull()) {
            entity.position = order.asInt();
        }
        entity.channels = channelNames.toArray(String[]::new);
        entity.match = matchJson(match).toString();
        entity.groupBy = groupBy.stream().map(FindingField::wireName).toArray(String[]::new);
        entity.groupWaitMs = wait.toMillis();
        entity.groupIntervalMs = interval.toMillis();
        entity.repeatIntervalMs = repeat.toMillis();
        entity.continueMatching = Input.bool(body, "continue", false);
        entity.updatedAt = now;
        entity.updatedBy = user;
        if (existing == null) {
            routes.persist(entity);
        }
        return view(entity);
    }

    private static Duration duration(JsonNode body, String field, Duration defaultValue) {
        String text = Input.text(body, field, false);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Durations.parse(field, text);
        } catch (IllegalArgumentException e) {
            throw Input.bad(e.getMessage());
        }
    }

    private static List<FindingField> parseGroupBy(List<String> names) {
        List<FindingField> fields = new ArrayList<>();
        for (String name : names) {
            FindingField field;
            try {
                field = FindingField.fromWire("groupBy", name);
            } catch (IllegalArgumentException e) {
                throw Input.bad(e.getMessage());
            }
            if (fields.contains(field)) {
                throw Input.bad("'groupBy' lists '" + name + "' twice");
            }
            fields.add(field);
        }
        return fields;
    }

    RouteMatch parseMatch(JsonNode match) {
        if (match == null || match.isNull()) {
            return RouteMatch.ALL;
        }
        if (!match.isObject()) {
            throw Input.bad("'match' must be a JSON object such as {\"minSeverity\": \"high\"}");
        }
        Input.onlyKnown(match, "match", MATCH_FIELDS, Set.of());
        Severity minimum = Severity.INFO;
        String min = Input.text(match, "minSeverity", false);
        if (min != null) {
            try {
                minimum = Severity.fromWire(min);
            } catch (IllegalArgumentException e) {
                throw Input.bad("'match.minSeverity': " + e.getMessage());
            }
        }
        ValueFilter categories = filter(match, "categories", "excludeCategories");
        for (String c : concat(categories)) {
            if (c.indexOf('*') < 0) {
                try {
                    Category.fromWire(c);
                } catch (IllegalArgumentException e) {
                    throw Input.bad("'match': " + e.getMessage());
                }
            }
        }
        return new RouteMatch(minimum, filter(match, "ruleIds", "excludeRuleIds"), categories,
                filter(match, "accountIds", "excludeAccountIds"), filter(match, "regions", "excludeRegions"));
    }

    private static List<String> concat(ValueFilter filter) {
        List<String> all = new ArrayList<>(filter.include());
        all.addAll(filter.exclude());
        return all;
    }

    private static ValueFilter filter(JsonNode match, String include, String exclude) {
        return new ValueFilter(Input.strings(match, include), Input.strings(match, exclude));
    }

    private ObjectNode matchJson(RouteMatch match) {
        ObjectNode node = mapper.createObjectNode();
        node.put("minSeverity", match.minSeverity().wireName());
        list(node, "ruleIds", match.ruleIds().include());
        list(node, "excludeRuleIds", match.ruleIds().exclude());
        list(node, "categories", match.categories().include());
        list(node, "excludeCategories", match.categories().exclude());
        list(node, "accountIds", match.accountIds().include());
        list(node, "excludeAccountIds", match.accountIds().exclude());
        list(node, "regions", match.regions().include());
        list(node, "excludeRegions", match.regions().exclude());
        return node;
    }

    private static void list(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }

    Route toRoute(RouteEntity e) {
        return new Route(e.name, e.position, parseMatch(readTree(e.match)), List.of(e.channels),
                parseGroupBy(List.of(e.groupBy)), Duration.ofMillis(e.groupWaitMs), Duration.ofMillis(e.groupIntervalMs),
                Duration.ofMillis(e.repeatIntervalMs), e.continueMatching);
    }

    ObjectNode view(RouteEntity e) {
        ObjectNode view = mapper.createObjectNode();
        view.put("name", e.name);
        view.put("order", e.position);
        ArrayNode channelList = view.putArray("channels");
        for (String c : e.channels) {
            channelList.add(c);
        }
        view.set("match", readTree(e.match));
        ArrayNode groupBy = view.putArray("groupBy");
        for (String g : e.groupBy) {
            groupBy.add(g);
        }
        view.put("groupWait", Durations.format(Duration.ofMillis(e.groupWaitMs)));
        view.put("groupInterval", Durations.format(Duration.ofMillis(e.groupIntervalMs)));
        view.put("repeatInterval", Durations.format(Duration.ofMillis(e.repeatIntervalMs)));
        view.put("continue", e.continueMatching);
        view.put("createdAt", String.valueOf(e.createdAt));
        view.put("updatedAt", String.valueOf(e.updatedAt));
        view.put("createdBy", e.createdBy);
        view.put("updatedBy", e.updatedBy);
        return view;
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
