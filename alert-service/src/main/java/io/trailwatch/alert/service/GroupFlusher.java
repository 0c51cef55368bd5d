package io.trailwatch.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.config.AlertConfig;
import io.trailwatch.alert.model.FindingFacts;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.Route;
import io.trailwatch.alert.model.Silence;
import io.trailwatch.alert.repository.ChannelEntity;
import io.trailwatch.alert.repository.ChannelRepository;
import io.trailwatch.alert.repository.DeliveryStore;
import io.trailwatch.alert.repository.FindingStore;
import io.trailwatch.alert.repository.GroupStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Alertmanager's grouping timers. A due group notifies when findings joined or were resolved since its last
 * notification, or when its firing findings were last notified {@code repeatInterval} ago; then it waits
 * {@code groupInterval} before it may notify changes again. Findings that were silenced are recorded as silenced
 * deliveries. Each notification becomes one outbox row per channel of the route.
 */
@ApplicationScoped
public class GroupFlusher {

    /** What one pass did: groups looked at and the channels that got new deliveries. */
    public record Result(int groups, Set<String> channels) {
        static final Result NONE = new Result(0, Set.of());
    }

    private final GroupStore groups;
    private final FindingStore findings;
    private final DeliveryStore deliveries;
    private final RouteService routes;
    private final SilenceService silences;
    private final ChannelRepository channels;
    private final ObjectMapper mapper;
    private final Duration firingTtl;
    private final int maxFindings;

    public GroupFlusher(GroupStore groups, FindingStore findings, DeliveryStore deliveries, RouteService routes,
                        SilenceService silences, ChannelRepository channels, ObjectMapper mapper, AlertConfig config) {
        this.groups = groups;
        this.findings = findings;
        this.deliveries = deliveries;
        this.routes = routes;
        this.silences = silences;
        this.channels = channels;
        this.mapper = mapper;
        this.firingTtl = config.firingTtl();
        this.maxFindings = config.maxFindingsPerNotification();
    }

    @Transactional
    public Result flushDue(int limit) {
        Instant now = Instant.now();
        List<GroupStore.Due> due = groups.lockDue(now, limit);
        if (due.isEmpty()) {
            return Result.NONE;
        }
        Map<String, Route> routeByName = routes.catalog().stream()
                .collect(Collectors.toMap(Route::name, Function.identity()));
        Map<String, ChannelEntity> channelByName = channels.listAll().stream()
                .collect(Collectors.toMap(c -> c.name, Function.identity()));
        List<Silence> active = silences.active(now);
        Map<Long, List<GroupStore.Member>> membersByGroup = groups.openMembers(due.stream().map(GroupStore.Due::id)
                .toList()).stream().collect(Collectors.groupingBy(GroupStore.Member::groupId));
        Map<String, FindingFacts> facts = findings.load(membersByGroup.values().stream().flatMap(List::stream)
                .map(GroupStore.Member::findingId).collect(Collectors.toSet()));

        List<GroupStore.MemberUpdate> updates = new ArrayList<>();
        List<DeliveryStore.NewDelivery> outbox = new ArrayList<>();
        List<GroupStore.Flushed> flushed = new ArrayList<>();
        List<Long> orphaned = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        for (GroupStore.Due group : due) {
            Route route = routeByName.get(group.route());
            if (route == null) {
                orphaned.add(group.id());
                continue;
            }
            flushed.add(flush(group, route, membersByGroup.getOrDefault(group.id(), List.of()), facts, active,
                    channelByName, now, updates, outbox, touched));
        }
        groups.updateMembers(updates, now);
        deliveries.insert(outbox, now);
        groups.finishFlush(flushed, now);
        groups.delete(orphaned);
        return new Result(due.size(), touched);
    }

    private GroupStore.Flushed flush(GroupStore.Due group, Route route, List<GroupStore.Member> members,
                                     Map<String, FindingFacts> facts, List<Silence> active,
                                     Map<String, ChannelEntity> channelByName, Instant now,
                                     List<GroupStore.MemberUpdate> updates, List<DeliveryStore.NewDelivery> outbox,
                                     Set<String> touched) {
        List<FindingFacts> fresh = new ArrayList<>();
        List<FindingFacts> firing = new ArrayList<>();
        List<FindingFacts> resolved = new ArrayList<>();
        List<String> silenced = new ArrayList<>();
        Set<UUID> silencedBy = new LinkedHashSet<>();
        for (GroupStore.Member m : members) {
            FindingFacts f = facts.get(m.findingId());
            if (f == null) {
                updates.add(new GroupStore.MemberUpdate(group.id(), m.findingId(), "closed", null));
                continue;
            }
            switch (m.status()) {
                case "pending" -> {
                    UUID silence = m.silenceId() != null ? m.silenceId() : firstMatch(active, f);
                    if (silence != null) {
                        silenced.add(f.findingId());
                        silencedBy.add(silence);
                        updates.add(new GroupStore.MemberUpdate(group.id(), f.findingId(), "silenced", silence));
                    } else {
                        fresh.add(f);
                    }
                }
                case "notified" -> {
                    if (m.addedAt().plus(firingTtl).isBefore(now)) {
                        updates.add(new GroupStore.MemberUpdate(group.id(), f.findingId(), "closed", null));
                    } else if (firstMatch(active, f) == null) {
                        firing.add(f);
                    }
                }
                default -> resolved.add(f);
            }
        }
        int sequence = group.notifications();
        if (!silenced.isEmpty()) {
            for (String channel : route.channels()) {
                ChannelEntity c = channelByName.get(channel);
                if (c != null) {
                    outbox.add(new DeliveryStore.NewDelivery(channel, c.type, route.name(), group.id(), group.key(),
                            sequence, Notification.FIRING, "silenced", group.labelsJson(), cap(silenced), List.of(),
                            List.of(), silenced.size(), 0, List.copyOf(silencedBy),
                            "silenced by " + silencedBy.stream().map(UUID::toString).collect(Collectors.joining(", "))));
                }
            }
        }
        Duration repeat = route.repeatInterval();
        boolean changed = !fresh.isEmpty() || !resolved.isEmpty();
        boolean repeatDue = !repeat.isZero() && group.lastNotifiedAt() != null && !firing.isEmpty()
                && !now.isBefore(group.lastNotifiedAt().plus(repeat));
        Instant lastNotified = group.lastNotifiedAt();
        List<FindingFacts> nowFiring = new ArrayList<>(fresh);
        nowFiring.addAll(firing);
        if (changed || repeatDue) {
            sequence++;
            lastNotified = now;
            String kind = nowFiring.isEmpty() ? Notification.RESOLVED : Notification.FIRING;
            List<String> firingIds = cap(nowFiring.stream().map(FindingFacts::findingId).toList());
            List<String> resolvedIds = capTo(resolved.stream().map(FindingFacts::findingId).toList(),
                    maxFindings - firingIds.size());
            List<String> listed = new ArrayList<>(firingIds);
            listed.addAll(resolvedIds);
            List<String> newIds = fresh.stream().map(FindingFacts::findingId).toList();
            for (String channel : route.channels()) {
                ChannelEntity c = channelByName.get(channel);
                if (c == null || (nowFiring.isEmpty() && !sendsResolved(c))) {
                    continue;
                }
                outbox.add(new DeliveryStore.NewDelivery(channel, c.type, route.name(), group.id(), group.key(),
                        sequence, kind, "pending", group.labelsJson(), listed, newIds, resolvedIds, nowFiring.size(),
                        resolved.size(), List.of(), null));
                touched.add(channel);
            }
            fresh.forEach(f -> updates.add(new GroupStore.MemberUpdate(group.id(), f.findingId(), "notified", null)));
            resolved.forEach(f -> updates.add(new GroupStore.MemberUpdate(group.id(), f.findingId(), "closed", null)));
        }
        Instant next = null;
        if (!nowFiring.isEmpty() && !repeat.isZero() && lastNotified != null) {
            next = lastNotified.plus(roundUp(repeat, route.groupInterval()));
        }
        return new GroupStore.Flushed(group.id(), next, lastNotified, sequence);
    }

    /** Repeats are checked on group-interval ticks, as in Alertmanager: the wait rounds up to a whole tick. */
    static Duration roundUp(Duration repeat, Duration interval) {
        if (interval.isZero()) {
            return repeat;
        }
        long ticks = (repeat.toMillis() + interval.toMillis() - 1) / interval.toMillis();
        return interval.multipliedBy(Math.max(1, ticks));
    }

    private boolean sendsResolved(ChannelEntity channel) {
        try {
            return mapper.readTree(channel.settings).path("sendResolved").asBoolean(true);
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    private static UUID firstMatch(List<Silence> active, FindingFacts finding) {
        for (Silence s : active) {
            if (s.matches(finding)) {
                return s.id();
            }
        }
        return null;
    }

    private List<String> cap(List<String> ids) {
        return capTo(ids, maxFindings);
    }

    private static List<String> capTo(List<String> ids, int max) {
        return ids.size() <= Math.max(0, max) ? ids : List.copyOf(ids.subList(0, Math.max(0, max)));
    }
}
