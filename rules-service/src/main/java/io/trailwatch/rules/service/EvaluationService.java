package io.trailwatch.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.rules.config.RulesConfig;
import io.trailwatch.rules.engine.cloudtrail.InvalidCloudTrailFileException;
import io.trailwatch.rules.engine.pattern.FilterPattern;
import io.trailwatch.rules.engine.rule.CisVersion;
import io.trailwatch.rules.engine.rule.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What the evaluate endpoints do: rules over a CloudTrail file, a pattern over events. Nothing is published. */
@ApplicationScoped
public class EvaluationService {

    /** The JSON lines of {@code trailwatch-rules eval}, and how many records there were and matched. */
    public record FileResult(byte[] jsonLines, long records, long matched, String cisVersion) {
    }

    /** One event's result of a pattern test. */
    public record PatternMatch(int index, String eventID, boolean match) {
    }

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final RuleCatalog catalog;
    private final RulesConfig config;

    public EvaluationService(RuleCatalog catalog, RulesConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    /**
     * Evaluates every record of a CloudTrail log file ({@code {"Records":[...]}}, plain or gzip) with the rules
     * in force, or with another benchmark version's patterns: one line per record, in file order,
     * {@code {"eventID":"…","ruleIds":[…]}}, exactly as the CLI's {@code eval} prints them.
     *
     * @throws ApiException 400 naming the problem when the body is not a CloudTrail log file or the version is
     *     unknown
     */
    public FileResult evaluateFile(InputStream body, String cisVersion) {
        RuleSet rules = cisVersion == null || cisVersion.isBlank() ? catalog.rules() : catalog.rulesFor(version(cisVersion));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ObjectWriter writer = PLAIN.writer();
        long[] matched = new long[1];
        long records;
        try {
            records = rules.evaluate(body, "request body", config.evaluate().maxDecompressedBytes(), evaluation -> {
                ObjectNode line = PLAIN.createObjectNode();
                JsonNode id = evaluation.record().get("eventID");
                line.set("eventID", id != null && id.isTextual() ? id : null);
                ArrayNode ids = line.putArray("ruleIds");
                evaluation.ruleIds().forEach(ids::add);
                if (!evaluation.matches().isEmpty()) {
                    matched[0]++;
                }
                out.write(writer.writeValueAsBytes(line));
                out.write('\n');
            });
        } catch (InvalidCloudTrailFileException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
        return new FileResult(out.toByteArray(), records, matched[0], rules.cisVersion().toString());
    }

    /**
     * Compiles the pattern and tests it against each event.
     *
     * @throws io.trailwatch.rules.engine.pattern.FilterPatternSyntaxException when the pattern is not valid
     * @throws ApiException 400 when the request is out of bounds or an event is not a JSON object
     */
    public List<PatternMatch> testPattern(String pattern, JsonNode events) {
        if (pattern == null) {
            throw ApiException.badRequest("field 'pattern' is required: a CloudWatch Logs JSON filter pattern such "
                    + "as { $.eventName = ConsoleLogin }");
        }
        int maxLength = config.evaluate().maxPatternLength();
        if (pattern.length() > maxLength) {
            throw ApiException.badRequest("field 'pattern' is " + pattern.length() + " characters long; at most "
                    + maxLength + " are accepted");
        }
        if (events != null && !events.isNull() && !events.isArray()) {
            throw ApiException.badRequest("field 'events' must be a list of CloudTrail records (JSON objects)");
        }
        int count = events == null || events.isNull() ? 0 : events.size();
        int maxEvents = config.evaluate().maxPatternEvents();
        if (count > maxEvents) {
            throw ApiException.badRequest("field 'events' has " + count + " events; at most " + maxEvents
                    + " are accepted per request");
        }
        for (int i = 0; i < count; i++) {
            if (!events.get(i).isObject()) {
                throw ApiException.badRequest("events[" + i + "] is not a JSON object (a CloudTrail record)");
            }
        }
        FilterPattern compiled = FilterPattern.compile(pattern);
        List<PatternMatch> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            JsonNode event = events.get(i);
            JsonNode id = event.get("eventID");
            results.add(new PatternMatch(i, id != null && id.isTextual() ? id.textValue() : null,
                    compiled.matches(event)));
        }
        return results;
    }

    private static CisVersion version(String text) {
        try {
            return CisVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("query parameter cisVersion: " + e.getMessage());
        }
    }
}
