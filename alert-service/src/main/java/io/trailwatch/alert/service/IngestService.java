package io.trailwatch.alert.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.trailwatch.alert.model.FindingFacts;
import io.trailwatch.alert.model.Route;
import io.trailwatch.alert.model.Silence;
import io.trailwatch.alert.repository.FindingStore;
import io.trailwatch.alert.repository.GroupStore;
import io.trailwatch.alert.repository.OffsetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Turns a batch of findings into notification decisions: each finding not seen before joins the group of every
 * route it matches (first match wins unless a route continues), in one transaction with the consumer's offsets.
 * A redelivered finding is recognised by its id and changes nothing.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    /** What a batch came to. */
    public record Result(int received, int fresh, int routed, int unreadable) {
    }

    private final FindingStore findings;
    private final GroupStore groups;
    private final OffsetStore offsets;
    private final RouteService routes;
    private final SilenceService silences;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;

    public IngestService(FindingStore findings, GroupStore groups, OffsetStore offsets, RouteService routes,
                         SilenceService silences, ObjectMapper mapper, MeterRegistry metrics) {
        this.findings = findings;
        this.groups = groups;
        this.offsets = offsets;
        this.routes = routes;
        this.silences = silences;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    @Transactional
    public Result ingest(List<ConsumerRecord<String, String>> records, String consumerGroup) {
        Instant now = Instant.now();
        Map<String, String> jsonById = new LinkedHashMap<>();
        Map<String, FindingFacts> factsById = new HashMap<>();
        Map<TopicPartition, Long> next = new HashMap<>();
        int unreadable = 0;
        for (ConsumerRecord<String, String> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
            try {
                JsonNode json = mapper.readTree(record.value());
                FindingFacts facts = FindingFacts.of(json);
                jsonById.putIfAbsent(facts.findingId(), record.value());
                factsById.putIfAbsent(facts.findingId(), facts);
            } catch (Exception e) {
                unreadable++;
                LOG.warnf("skipping unreadable finding at %s-%d offset %d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        Set<String> fresh = findings.insertNew(jsonById);
        Set<String> resolved = findings.resolvedAmong(fresh);
        List<Route> catalog = fresh.isEmpty() ? List.of() : routes.catalog();
        List<Silence> active = fresh.isEmpty() ? List.of() : silences.active(now);

        Map<String, GroupStore.Upsert> upserts = new LinkedHashMap<>();
        List<String[]> memberships = new ArrayList<>();
        List<UUID> memberSilences = new ArrayList<>();
        int routed = 0;
        for (String id : jsonById.keySet()) {
            if (!fresh.contains(id) || resolved.contains(id)) {
                continue;
            }
            FindingFacts finding = factsById.get(id);
            UUID silence = active.stream().filter(s -> s.matches(finding)).map(Silence::id).findFirst().orElse(null);
            boolean matched = false;
            for (Route route : catalog) {
                if (!route.match().matches(finding)) {
                    continue;
                }
                matched = true;
                String key = route.groupKey(finding);
                String labels = json(route.groupLabels(finding));
                upserts.putIfAbsent(route.name() + '\n' + key, new GroupStore.Upsert(route.name(), key, labels,
                        route.groupInterval().toMillis(), route.groupWait().toMillis()));
                memberships.add(new String[] {route.name() + '\n' + key, id});
                memberSilences.add(silence);
                if (!route.continueMatching()) {
                    break;
                }
            }
            if (matched) {
                routed++;
            } else {
                metrics.counter("trailwatch.alert.findings.unrouted").increment();
            }
        }
        Map<String, Long> groupIds = groups.upsert(new ArrayList<>(upserts.values()), now);
        List<GroupStore.NewMember> members = new ArrayList<>();
        for (int i = 0; i < memberships.size(); i++) {
            members.add(new GroupStore.NewMember(groupIds.get(memberships.get(i)[0]), memberships.get(i)[1],
                    memberSilences.get(i)));
        }
        groups.addMembers(members, now);
        offsets.save(consumerGroup, next);

        metrics.counter("trailwatch.alert.findings.received").increment(records.size());
        metrics.counter("trailwatch.alert.findings.new").increment(fresh.size());
        if (unreadable > 0) {
            metrics.counter("trailwatch.alert.findings.unreadable").increment(unreadable);
        }
        return new Result(records.size(), fresh.size(), routed, unreadable);
    }

    private String json(Map<String, String> labels) {
        try {
            return mapper.writeValueAsString(labels);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
