package io.trailwatch.query.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.trailwatch.contracts.Finding;
import io.trailwatch.query.repository.EventEntity;
import io.trailwatch.query.repository.EventRepository;
import io.trailwatch.query.repository.FindingEntity;
import io.trailwatch.query.repository.FindingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Stores batches of events and findings idempotently: a record or finding seen before (same eventID, same
 * findingId) is skipped, so redelivery after a crash never duplicates a row. A message that cannot be read is
 * logged and counted, never allowed to block the rest of its batch.
 */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    private final EventRepository events;
    private final FindingRepository findings;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;

    public IngestionService(EventRepository events, FindingRepository findings, ObjectMapper mapper,
                            MeterRegistry metrics) {
        this.events = events;
        this.findings = findings;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    @Transactional
    public int storeEvents(List<String> records) {
        Map<String, EventEntity> rows = new LinkedHashMap<>();
        for (String json : records) {
            try {
                EventEntity row = EventMapper.toEntity(mapper.readTree(json), json);
                rows.putIfAbsent(row.eventId, row);
            } catch (Exception e) {
                unreadable("event", json, e);
            }
        }
        int inserted = rows.isEmpty() ? 0 : events.insertNew(new ArrayList<>(rows.values()));
        metrics.counter("trailwatch.query.stored", "kind", "event").increment(inserted);
        metrics.counter("trailwatch.query.duplicates", "kind", "event").increment(records.size() - inserted);
        return inserted;
    }

    @Transactional
    public int storeFindings(List<String> messages) {
        Map<String, FindingEntity> rows = new LinkedHashMap<>();
        for (String json : messages) {
            try {
                Finding finding = mapper.readValue(json, Finding.class);
                rows.putIfAbsent(finding.findingId(), toEntity(finding, json));
            } catch (Exception e) {
                unreadable("finding", json, e);
            }
        }
        int inserted = rows.isEmpty() ? 0 : findings.insertNew(new ArrayList<>(rows.values()));
        metrics.counter("trailwatch.query.stored", "kind", "finding").increment(inserted);
        return inserted;
    }

    private static FindingEntity toEntity(Finding finding, String json) {
        if (finding.findingId() == null || finding.ruleId() == null || finding.eventTime() == null) {
            throw new IllegalArgumentException("finding lacks findingId, ruleId or eventTime");
        }
        FindingEntity row = new FindingEntity();
        row.findingId = finding.findingId();
        row.ruleId = finding.ruleId();
        row.title = finding.title();
        row.severity = finding.severity().wireName();
        row.category = finding.category().wireName();
        row.accountId = finding.accountId();
        row.region = finding.region();
        row.eventTime = finding.eventTime();
        row.eventId = finding.eventID();
        row.eventName = finding.eventName();
        row.principalArn = finding.principal() == null ? null : finding.principal().arn();
        row.sourceIp = finding.sourceIPAddress();
        row.country = finding.geo() == null ? null : finding.geo().country();
        row.summary = finding.summary();
        row.detectedAt = finding.detectedAt();
        row.finding = json;
        return row;
    }

    private void unreadable(String kind, String json, Exception e) {
        metrics.counter("trailwatch.query.unreadable", "kind", kind).increment();
        String start = json == null ? "null" : json.substring(0, Math.min(json.length(), 200));
        LOG.warnf("skipping unreadable %s message (%s): %s", kind, e.getMessage(), start);
    }

    /** Parses a stored JSON column for the API. */
    public JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
