package io.trailwatch.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.repository.DeliveryAttemptEntity;
import io.trailwatch.alert.repository.DeliveryEntity;
import io.trailwatch.alert.repository.DeliveryRepository;
import io.trailwatch.alert.repository.DeliveryStore;
import io.trailwatch.common.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The delivery log: every notification with its state, and every attempt. */
@ApplicationScoped
public class DeliveryLog {

    static final Set<String> STATUSES = Set.of("pending", "retrying", "delivered", "failed", "silenced");
    static final Set<String> KINDS = Set.of("firing", "resolved", "test");

    /** One page; {@code nextCursor} is null on the last one. */
    public record Page(List<ObjectNode> items, String nextCursor) {
    }

    private final DeliveryRepository repository;
    private final DeliveryStore store;
    private final ObjectMapper mapper;

    public DeliveryLog(DeliveryRepository repository, DeliveryStore store, ObjectMapper mapper) {
        this.repository = repository;
        this.store = store;
        this.mapper = mapper;
    }

    @Transactional
    public Page page(DeliveryRepository.Filter filter, String cursor, int limit) {
        if (filter.status() != null && !STATUSES.contains(filter.status())) {
            throw Input.bad("'status' must be one of pending, retrying, delivered, failed, silenced, got '"
                    + filter.status() + "'");
        }
        if (filter.kind() != null && !KINDS.contains(filter.kind())) {
            throw Input.bad("'kind' must be one of firing, resolved, test, got '" + filter.kind() + "'");
        }
        List<DeliveryEntity> rows = repository.page(filter, decode(cursor), limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            DeliveryEntity last = rows.get(limit - 1);
            next = encode(new DeliveryRepository.After(last.createdAt, last.id));
        }
        return new Page(rows.stream().map(this::view).toList(), next);
    }

    @Transactional
    public ObjectNode get(long id) {
        DeliveryEntity entity = repository.findById(id);
        if (entity == null) {
            throw ApiException.notFound("no delivery with id " + id);
        }
        ObjectNode view = view(entity);
        ArrayNode log = view.putArray("attemptLog");
        for (DeliveryAttemptEntity a : repository.attempts(id)) {
            ObjectNode item = log.addObject();
            item.put("attempt", a.id.attempt());
            item.put("startedAt", a.startedAt.toString());
            item.put("durationMs", a.durationMs);
            item.put("outcome", a.outcome);
            if (a.responseCode == null) {
                item.putNull("responseCode");
            } else {
                item.put("responseCode", a.responseCode);
            }
            item.put("error", a.error);
        }
        return view;
    }

    /** Puts a failed delivery back in the queue with a fresh attempt budget. */
    @Transactional
    public ObjectNode retry(long id) {
        DeliveryEntity entity = repository.findById(id);
        if (entity == null) {
            throw ApiException.notFound("no delivery with id " + id);
        }
        if (!store.requeue(id, Instant.now())) {
            throw ApiException.conflict("delivery " + id + " is " + entity.status + " (" + entity.kind
                    + "); only failed notifications can be retried");
        }
        repository.getEntityManager().refresh(entity);
        return view(entity);
    }

    ObjectNode view(DeliveryEntity d) {
        ObjectNode view = mapper.createObjectNode();
        view.put("id", d.id);
        view.put("channel", d.channelName);
        view.put("channelType", d.channelType);
        view.put("route", d.routeName);
        view.put("groupKey", d.groupKey);
        view.put("sequence", d.sequence);
        view.put("kind", d.kind);
        view.put("status", d.status);
        try {
            view.set("groupLabels", mapper.readTree(d.groupLabels));
        } catch (JsonProcessingException e) {
            view.putObject("groupLabels");
        }
        strings(view.putArray("findingIds"), d.findingIds);
        strings(view.putArray("newFindingIds"), d.newIds);
        strings(view.putArray("resolvedFindingIds"), d.resolvedIds);
        view.put("firingCount", d.firingCount);
        view.put("resolvedCount", d.resolvedCount);
        ArrayNode silences = view.putArray("silenceIds");
        if (d.silenceIds != null) {
            for (UUID s : d.silenceIds) {
                silences.add(s.toString());
            }
        }
        view.put("attempts", d.attempts);
        view.put("lastError", d.lastError);
        if (d.responseCode == null) {
            view.putNull("responseCode");
        } else {
            view.put("responseCode", d.responseCode);
        }
        view.put("externalRef", d.externalRef);
        time(view, "createdAt", d.createdAt);
        time(view, "updatedAt", d.updatedAt);
        time(view, "lastAttemptAt", d.lastAttemptAt);
        time(view, "nextAttemptAt", d.nextAttemptAt);
        time(view, "deliveredAt", d.deliveredAt);
        return view;
    }

    private static void strings(ArrayNode array, String[] values) {
        if (values != null) {
            for (String v : values) {
                array.add(v);
            }
        }
    }

    private static void time(ObjectNode view, String field, Instant value) {
        if (value == null) {
            view.putNull(field);
        } else {
            view.put(field, value.toString());
        }
    }

    static String encode(DeliveryRepository.After after) {
        String raw = after.createdAt().getEpochSecond() + "." + after.createdAt().getNano() + ":" + after.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static DeliveryRepository.After decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int dot = raw.indexOf('.');
            int colon = raw.indexOf(':');
            if (dot < 0 || colon < dot) {
                throw new IllegalArgumentException("malformed");
            }
            return new DeliveryRepository.After(Instant.ofEpochSecond(Long.parseLong(raw.substring(0, dot)),
                    Long.parseLong(raw.substring(dot + 1, colon))), Long.parseLong(raw.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw Input.bad("'cursor' is not a cursor returned by this API: '" + cursor + "'");
        }
    }
}
