package io.trailwatch.rules.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trailwatch.contracts.Finding;
import io.trailwatch.contracts.Rejection;
import io.trailwatch.contracts.RejectionReason;
import io.trailwatch.rules.engine.rule.Rule;
import io.trailwatch.rules.engine.rule.RuleSet;
import io.trailwatch.rules.service.FindingFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Evaluates one event message: the findings it raises, or why it cannot be evaluated. */
@ApplicationScoped
public class EventEvaluator {

    /**
     * Findings for a readable record (with the parsed record and the rules it matched, for the outlier detectors),
     * or a rejection for an unreadable one.
     */
    public record Outcome(JsonNode record, List<Rule> matched, List<Finding> findings, Rejection rejection) {
    }

    private final RuleSet rules;
    private final FindingFactory findings;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;
    private final Timer latency;
    private final Counter rejected;
    private final Map<String, Counter> matchCounters = new ConcurrentHashMap<>();
    private final Map<String, Counter> severityCounters = new ConcurrentHashMap<>();

    public EventEvaluator(RuleSet rules, FindingFactory findings, ObjectMapper mapper, MeterRegistry metrics) {
        this.rules = rules;
        this.findings = findings;
        this.mapper = mapper;
        this.metrics = metrics;
        this.latency = Timer.builder("trailwatch.rules.evaluation").description("parse + match of one record")
                .publishPercentiles(0.5, 0.99).register(metrics);
        this.rejected = Counter.builder("trailwatch.rules.rejected")
                .description("event messages that are not a JSON object").register(metrics);
    }

    /**
     * @param source names the message in a rejection, e.g. {@code trailwatch.cloudtrail.events/3@1234}; only
     *     called for unreadable messages
     */
    public Outcome evaluate(Supplier<String> source, byte[] value) {
        long start = System.nanoTime();
        JsonNode record;
        try {
            record = value == null ? null : mapper.readTree(value);
        } catch (IOException e) {
            record = null;
        }
        if (record == null || !record.isObject()) {
            rejected.increment();
            String text = value == null ? "" : new String(value, 0, Math.min(value.length, 2048), StandardCharsets.UTF_8);
            return new Outcome(null, List.of(), List.of(), new Rejection(source.get(), RejectionReason.NOT_JSON,
                    "event message is not a JSON object, so no rule could be evaluated", null, null,
                    Rejection.sample(text), "rules-service", Instant.now()));
        }
        List<Rule> matched = rules.match(record);
        List<Finding> out = matched.isEmpty() ? List.of() : new ArrayList<>(matched.size());
        for (Rule rule : matched) {
            matchCounters.computeIfAbsent(rule.id(), id -> Counter.builder("trailwatch.rules.matches")
                    .description("records matched, by rule").tag("rule", id).register(metrics)).increment();
            Finding finding = findings.create(rule, record);
            severityCounters.computeIfAbsent(finding.severity().wireName(), s -> Counter
                    .builder("trailwatch.rules.findings").description("findings published, by severity")
                    .tag("severity", s).register(metrics)).increment();
            out.add(finding);
        }
        latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return new Outcome(record, matched, out, null);
    }
}
