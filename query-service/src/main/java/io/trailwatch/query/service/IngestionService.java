package io.trailwatch.query.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.trailwatch.contracts.Category;
import io.trailwatch.contracts.Finding;
import io.trailwatch.contracts.Rejection;
import io.trailwatch.contracts.SeriesPoint;
import io.trailwatch.query.repository.EventPartitions;
import io.trailwatch.query.repository.EventRow;
import io.trailwatch.query.repository.EventWriter;
import io.trailwatch.query.repository.FindingRow;
import io.trailwatch.query.repository.FindingWriter;
import io.trailwatch.query.repository.SignalWriter;
import io.trailwatch.query.repository.StoreException;
import io.trailwatch.query.repository.UserAgents;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.jboss.logging.Logger;

/**
 * Stores batches from the four topics idempotently: an event (eventID), finding (findingId), series point (series
 * and slice) or rejection (message hash) seen before is not stored again, so redelivery after a crash never
 * duplicates. A message that cannot be read, or a row the database refuses as data, is logged, counted and skipped;
 * it never blocks the rest of its batch. Database outages surface as exceptions for the caller to retry.
 */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    private final EventWriter events;
    private final FindingWriter findings;
    private final SignalWriter signals;
    private final EventPartitions partitions;
    private final UserAgents userAgents;
    private final RetentionPolicy retention;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;

    public IngestionService(EventWriter events, FindingWriter findings, SignalWriter signals,
                            EventPartitions partitions, UserAgents userAgents, RetentionPolicy retention,
                            ObjectMapper mapper, MeterRegistry metrics) {
        this.events = events;
        this.findings = findings;
        this.signals = signals;
        this.partitions = partitions;
        this.userAgents = userAgents;
        this.retention = retention;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** What identifies a stored event (its table's primary key). */
    private record EventKey(String eventId, Instant eventTime) {
    }

    public int storeEvents(List<String> records) {
        Instant now = Instant.now();
        Instant oldest = retention.oldestKept(now);
        Instant newest = retention.newestAccepted(now);
        Map<EventKey, EventRow> rows = new LinkedHashMap<>();
        for (String json : records) {
            EventRow row;
            try {
                row = EventMapper.toRow(mapper, json);
            } catch (Exception e) {
                unreadable("event", json, e);
                continue;
            }
            if (row.eventTime().isBefore(oldest)) {
                metrics.counter("trailwatch.query.skipped", "kind", "event", "reason", "past-retention").increment();
            } else if (row.eventTime().isAfter(newest)) {
                metrics.counter("trailwatch.query.skipped", "kind", "event", "reason", "future").increment();
                LOG.warnf("not storing event %s: its eventTime %s is in the future", row.eventId(), row.eventTime());
            } else {
                rows.putIfAbsent(new EventKey(row.eventId(), row.eventTime()), row);
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        partitions.ensure(rows.values().stream().map(r -> LocalDate.ofInstant(r.eventTime(), ZoneOffset.UTC))
                .distinct().toList());
        Map<String, Long> agents = userAgents.idsOf(rows.values().stream().map(EventRow::userAgent)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        int inserted = store("event", new ArrayList<>(rows.values()), batch -> events.insertNew(batch, agents));
        metrics.counter("trailwatch.query.stored", "kind", "event").increment(inserted);
        metrics.counter("trailwatch.query.duplicates", "kind", "event").increment(rows.size() - inserted);
        return inserted;
    }

    public int storeFindings(List<String> messages) {
        Map<String, FindingRow> rows = new LinkedHashMap<>();
        for (String json : messages) {
            try {
                FindingRow row = toRow(mapper.readValue(json, Finding.class));
                rows.putIfAbsent(row.findingId(), row);
            } catch (Exception e) {
                unreadable("finding", json, e);
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        int inserted = store("finding", new ArrayList<>(rows.values()), findings::insertNew);
        metrics.counter("trailwatch.query.stored", "kind", "finding").increment(inserted);
        metrics.counter("trailwatch.query.duplicates", "kind", "finding").increment(rows.size() - inserted);
        return inserted;
    }

    public int storeSeriesPoints(List<String> messages) {
        Map<String, SeriesPoint> points = new LinkedHashMap<>();
        for (String json : messages) {
            try {
                SeriesPoint point = mapper.readValue(json, SeriesPoint.class);
                if (point.detectorId() == null || point.group() == null || point.bucketStart() == null
                        || point.bucketSeconds() < 1) {
                    throw new IllegalArgumentException("series point lacks detectorId, group, bucketStart or "
                            + "bucketSeconds");
                }
                String seriesId = point.seriesId() != null ? point.seriesId()
                        : SeriesPoint.seriesId(point.detectorId(), point.group());
                SeriesPoint complete = new SeriesPoint(seriesId, point.detectorId(), point.group(),
                        point.bucketStart(), point.bucketSeconds(), point.value(), point.mean(), point.stddev(),
                        point.upper(), point.lower(), point.outlier(), point.violation());
                points.remove(seriesId + '\n' + point.bucketStart());
                points.put(seriesId + '\n' + point.bucketStart(), complete);
            } catch (Exception e) {
                unreadable("series-point", json, e);
            }
        }
        if (points.isEmpty()) {
            return 0;
        }
        int stored = store("series-point", new ArrayList<>(points.values()), signals::upsertPoints);
        metrics.counter("trailwatch.query.stored", "kind", "series-point").increment(stored);
        return stored;
    }

    public int storeRejections(List<String> messages) {
        Map<String, Rejection> rejections = new LinkedHashMap<>();
        for (String json : messages) {
            try {
                Rejection r = mapper.readValue(json, Rejection.class);
                if (r.source() == null || r.reason() == null || r.message() == null || r.rejectedAt() == null) {
                    throw new IllegalArgumentException("rejection lacks source, reason, message or rejectedAt");
                }
                rejections.putIfAbsent(hash(json), new Rejection(EventMapper.clean(r.source()), r.reason(),
                        EventMapper.clean(r.message()), r.recordIndex(), EventMapper.clean(r.eventID()),
                        EventMapper.clean(r.sample()),
                        r.rejectedBy() == null ? "unknown" : EventMapper.clean(r.rejectedBy()), r.rejectedAt()));
            } catch (Exception e) {
                unreadable("rejection", json, e);
            }
        }
        if (rejections.isEmpty()) {
            return 0;
        }
        List<Map.Entry<String, Rejection>> entries = new ArrayList<>(rejections.entrySet());
        int stored = store("rejection", entries, batch -> {
            Map<String, Rejection> map = new LinkedHashMap<>();
            batch.forEach(e -> map.put(e.getKey(), e.getValue()));
            return signals.insertRejections(map);
        });
        metrics.counter("trailwatch.query.stored", "kind", "rejection").increment(stored);
        return stored;
    }

    /**
     * Stores a batch; when the database refuses its data, stores the rows one by one so only the refused ones are
     * skipped. Other failures (outage, lock timeout, missing partition) propagate so the caller retries the batch.
     */
    private <T> int store(String kind, List<T> rows, ToIntFunction<List<T>> insert) {
        try {
            return insert.applyAsInt(rows);
        } catch (StoreException e) {
            if (e.isMissingPartition()) {
                partitions.forget();
                throw e;
            }
            if (!e.isBadData()) {
                throw e;
            }
            if (rows.size() == 1) {
                metrics.counter("trailwatch.query.refused", "kind", kind).increment();
                LOG.warnf("skipping a %s the database refuses: %s", kind, e.getMessage());
                return 0;
            }
            int stored = 0;
            for (T row : rows) {
                stored += store(kind, List.of(row), insert);
            }
            return stored;
        }
    }

    private FindingRow toRow(Finding f) throws Exception {
        if (f.findingId() == null || f.ruleId() == null || f.eventTime() == null || f.severity() == null) {
            throw new IllegalArgumentException("finding lacks findingId, ruleId, eventTime or severity");
        }
        String title = f.title() != null ? f.title() : f.ruleId();
        return new FindingRow(
                EventMapper.clean(f.findingId()),
                EventMapper.clean(f.ruleId()),
                EventMapper.clean(title),
                f.severity().wireName(),
                f.severity().ordinal(),
                (f.category() != null ? f.category() : Category.CUSTOM).wireName(),
                f.cis() == null ? null : json(mapper.valueToTree(f.cis())),
                EventMapper.clean(f.accountId() != null ? f.accountId() : "unknown"),
                EventMapper.clean(f.region()),
                f.eventTime(),
                EventMapper.clean(f.eventID()),
                EventMapper.clean(f.eventName()),
                EventMapper.clean(f.eventSource()),
                f.principal() == null ? null : EventMapper.clean(f.principal().type()),
                f.principal() == null ? null : EventMapper.clean(f.principal().arn()),
                f.principal() == null ? null : EventMapper.clean(f.principal().userName()),
                EventMapper.clean(f.sourceIPAddress()),
                f.geo() == null ? null : EventMapper.clean(f.geo().country()),
                f.geo() == null ? null : EventMapper.clean(f.geo().city()),
                f.geo() == null ? null : f.geo().latitude(),
                f.geo() == null ? null : f.geo().longitude(),
                EventMapper.clean(f.userAgent()),
                EventMapper.clean(f.summary() != null ? f.summary() : title),
                f.detectedAt() != null ? f.detectedAt() : Instant.now(),
                f.event() == null || f.event().isNull() ? null : json(f.event()),
                f.outlier() == null ? null : json(mapper.valueToTree(f.outlier())));
    }

    private String json(JsonNode node) throws Exception {
        return mapper.writeValueAsString(EventMapper.withoutNul(node));
    }

    private void unreadable(String kind, String json, Exception e) {
        metrics.counter("trailwatch.query.unreadable", "kind", kind).increment();
        String start = json == null ? "null" : json.substring(0, Math.min(json.length(), 200));
        LOG.warnf("skipping unreadable %s message (%s): %s", kind, e.getMessage(), start);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
