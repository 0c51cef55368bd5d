package io.trailwatch.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.model.Durations;
import io.trailwatch.alert.model.FindingField;
import io.trailwatch.alert.model.Silence;
import io.trailwatch.alert.model.SilenceMatcher;
import io.trailwatch.alert.repository.SilenceEntity;
import io.trailwatch.alert.repository.SilenceRepository;
import io.trailwatch.common.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Silences: findings matching every matcher while a silence is active are recorded as silenced instead of
 * notified. Deleting a silence expires it (it stays visible, with who expired it).
 */
@ApplicationScoped
public class SilenceService {

    private static final Set<String> FIELDS = new LinkedHashSet<>(List.of("matchers", "startsAt", "endsAt", "duration",
            "comment"));
    private static final Set<String> READ_ONLY = Set.of("id", "state", "createdBy", "createdAt", "updatedAt",
            "expiredBy");
    private static final Set<String> MATCHER_FIELDS = new LinkedHashSet<>(List.of("field", "op", "value"));
    private static final Set<String> STATES = Set.of("pending", "active", "expired");

    private final SilenceRepository silences;
    private final ObjectMapper mapper;

    public SilenceService(SilenceRepository silences, ObjectMapper mapper) {
        this.silences = silences;
        this.mapper = mapper;
    }

    @Transactional
    public List<ObjectNode> list(String state) {
        if (state != null && !STATES.contains(state)) {
            throw Input.bad("'state' must be one of pending, active, expired, got '" + state + "'");
        }
        Instant now = Instant.now();
        return silences.list(state, now).stream().map(s -> view(s, now)).toList();
    }

    @Transactional
    public ObjectNode get(UUID id) {
        return view(find(id), Instant.now());
    }

    @Transactional
    public ObjectNode create(JsonNode body, String user) {
        Input.object(body, "silence");
        Input.onlyKnown(body, "silence", FIELDS, READ_ONLY);
        List<SilenceMatcher> matchers = matchers(body.get("matchers"));
        Instant now = Instant.now();
        Instant starts = instant(body, "startsAt", now);
        String comment = Input.text(body, "comment", true);
        if (comment.isBlank()) {
            throw Input.bad("'comment' must say why the findings are silenced");
        }
        Instant ends;
        if (body.hasNonNull("endsAt") && body.hasNonNull("duration")) {
            throw Input.bad("give either 'endsAt' or 'duration', not both");
        } else if (body.hasNonNull("duration")) {
            Duration duration;
            try {
                duration = Durations.parse("duration", Input.text(body, "duration", true));
            } catch (IllegalArgumentException e) {
                throw Input.bad(e.getMessage());
            }
            ends = starts.plus(duration);
        } else if (body.hasNonNull("endsAt")) {
            ends = instant(body, "endsAt", null);
        } else {
            throw Input.bad("'endsAt' (ISO-8601 time) or 'duration' (such as 2h) is required");
        }
        if (!ends.isAfter(starts)) {
            throw Input.bad("'endsAt' (" + ends + ") must be after 'startsAt' (" + starts + ")");
        }
        if (!ends.isAfter(now)) {
            throw Input.bad("'endsAt' (" + ends + ") is in the past: the silence would never be active");
        }
        SilenceEntity entity = new SilenceEntity();
        entity.id = UUID.randomUUID();
        entity.matchers = matchersJson(matchers).toString();
        entity.startsAt = starts;
        entity.endsAt = ends;
        entity.comment = comment;
        entity.createdBy = user;
        entity.createdAt = now;
        entity.updatedAt = now;
        silences.persist(entity);
        return view(entity, now);
    }

    /** Ends the silence now; an expired silence stays as it is. */
    @Transactional
    public ObjectNode expire(UUID id, String user) {
        SilenceEntity entity = find(id);
        Instant now = Instant.now();
        if (entity.endsAt.isAfter(now)) {
            if (entity.startsAt.isAfter(now)) {
                entity.startsAt = now;
            }
            entity.endsAt = now;
            entity.expiredBy = user;
            entity.updatedAt = now;
        }
        return view(entity, now);
    }

    /** The silences active at {@code now}. */
    @Transactional
    public List<Silence> active(Instant now) {
        return silences.notEnded(now).stream().map(this::toSilence).filter(s -> s.activeAt(now)).toList();
    }

    private SilenceEntity find(UUID id) {
        SilenceEntity entity = silences.findById(id);
        if (entity == null) {
            throw ApiException.notFound("no silence with id " + id);
        }
        return entity;
    }

    private List<SilenceMatcher> matchers(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw Input.bad("'matchers' must be a non-empty list such as "
                    + "[{\"field\": \"accountId\", \"op\": \"=\", \"value\": \"111122223333\"}]");
        }
        List<SilenceMatcher> matchers = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String where = "matchers[" + i + "]";
            JsonNode m = node.get(i);
            if (!m.isObject()) {
                throw Input.bad("'" + where + "' must be an object with field, op and value");
            }
            Input.onlyKnown(m, where, MATCHER_FIELDS, Set.of());
            try {
                FindingField field = FindingField.fromWire(where + ".field", Input.text(m, "field", true));
                matchers.add(SilenceMatcher.of(where, field, m.hasNonNull("op") ? Input.text(m, "op", true) : "=",
                        Input.text(m, "value", true)));
            } catch (IllegalArgumentException e) {
                throw Input.bad(e.getMessage());
            }
        }
        return matchers;
    }

    private static Instant instant(JsonNode body, String field, Instant defaultValue) {
        String text = Input.text(body, field, defaultValue == null);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Input.bad("'" + field + "' must be an ISO-8601 UTC time such as 2026-11-27T10:00:00Z, got '" + text + "'");
        }
    }

    private ArrayNode matchersJson(List<SilenceMatcher> matchers) {
        ArrayNode list = mapper.createArrayNode();
        matchers.forEach(m -> list.addObject().put("field", m.field().wireName()).put("op", m.op())
                .put("value", m.value()));
        return list;
    }

    Silence toSilence(SilenceEntity e) {
        JsonNode list = readTree(e.matchers);
        List<SilenceMatcher> matchers = new ArrayList<>();
        for (JsonNode m : list) {
            matchers.add(SilenceMatcher.of("matchers", FindingField.fromWire("matchers", m.path("field").asText()),
                    m.path("op").asText(), m.path("value").asText()));
        }
        return new Silence(e.id, matchers, e.startsAt, e.endsAt, e.comment, e.createdBy);
    }

    private ObjectNode view(SilenceEntity e, Instant now) {
        ObjectNode view = mapper.createObjectNode();
        view.put("id", e.id.toString());
        view.set("matchers", readTree(e.matchers));
        view.put("startsAt", e.startsAt.toString());
        view.put("endsAt", e.endsAt.toString());
        view.put("comment", e.comment);
        view.put("createdBy", e.createdBy);
        view.put("createdAt", e.createdAt.toString());
        view.put("updatedAt", e.updatedAt.toString());
        if (e.expiredBy != null) {
            view.put("expiredBy", e.expiredBy);
        }
        view.put("state", toSilence(e).state(now));
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
