package io.trailwatch.rules.engine.rule;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.trailwatch.contracts.Category;
import io.trailwatch.contracts.Severity;
import io.trailwatch.rules.engine.pattern.FilterPattern;
import io.trailwatch.rules.engine.pattern.FilterPatternSyntaxException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates one rule YAML file; every problem is reported with the field it concerns. */
final class RuleFileParser {

    /** YAML 1.1 would read the words yes/no/on/off as booleans, turning CloudTrail's "MFAUsed": No into false. */
    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build());

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final List<String> FIELDS = List.of("id", "title", "severity", "category", "description",
            "remediation", "enabled", "variant", "basedOn", "cis", "pattern", "patterns", "tests");
    private static final List<String> TEST_FIELDS = List.of("name", "expected", "versions", "event");

    private RuleFileParser() {
    }

    static RuleDefinition parse(String origin, RuleSource source, byte[] content) throws InvalidRuleException {
        JsonNode root = readYaml(content);
        if (root == null || !root.isObject()) {
            throw new InvalidRuleException(null, "expected a YAML mapping with the fields id, title, severity, "
                    + "category, pattern (or patterns), ...");
        }
        String id;
        try {
            id = optionalText(root, "id", null);
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(null, e.getMessage());
        }
        if (id == null) {
            throw new InvalidRuleException(null, "field 'id' is required");
        }
        if (!ID.matcher(id).matches() || id.length() > 100) {
            throw new InvalidRuleException(null, "field 'id': '" + id + "' is not a rule id (lowercase letters, "
                    + "digits and single hyphens, at most 100 characters, e.g. cis-root-account-usage)");
        }
        try {
            return parse(id, root, origin, source);
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(id, e.getMessage());
        }
    }

    private static RuleDefinition parse(String id, JsonNode root, String origin, RuleSource source)
            throws InvalidRuleException {
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidRuleException(id, "unknown field '" + name + "' (expected one of "
                        + String.join(", ", FIELDS) + ")");
            }
        }
        String title = requiredText(id, root, "title");
        Severity severity = fromWire(id, "severity", requiredText(id, root, "severity"), Severity::fromWire);
        Category category = fromWire(id, "category", requiredText(id, root, "category"), Category::fromWire);
        String description = optionalText(root, "description", "");
        String remediation = optionalText(root, "remediation", "");
        boolean enabled = optionalBoolean(id, root, "enabled", true);
        String variant = optionalText(root, "variant", null);
        String basedOn = optionalText(root, "basedOn", null);
        if (basedOn != null && !ID.matcher(basedOn).matches()) {
            throw new InvalidRuleException(id, "field 'basedOn': '" + basedOn + "' is not a rule id");
        }
        Map<VersionRange, String> cis = cisReferences(id, root.get("cis"));
        List<VersionedPattern> patterns = patterns(id, root);
        List<RuleTestCase> tests = tests(id, root.get("tests"), patterns);
        return new RuleDefinition(id, title, severity, category, description, remediation, cis, patterns, enabled,
                variant, basedOn, tests, source, origin);
    }

    private static JsonNode readYaml(byte[] content) throws InvalidRuleException {
        try {
            return YAML.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidRuleException(null, "not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRuleException(null, "cannot read YAML: " + e.getMessage());
        }
    }

    private static Map<VersionRange, String> cisReferences(String id, JsonNode cis) throws InvalidRuleException {
        Map<VersionRange, String> refs = new LinkedHashMap<>();
        if (cis == null || cis.isNull()) {
            return refs;
        }
        if (!cis.isObject()) {
            throw new InvalidRuleException(id, "field 'cis': expected a mapping of version range to control, "
                    + "e.g. v1.3.0..v5.0.0: \"4.2\"");
        }
        for (Map.Entry<String, JsonNode> e : cis.properties()) {
            VersionRange range = range(id, "field 'cis'", e.getKey());
            if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) {
                throw new InvalidRuleException(id, "field 'cis' (" + e.getKey() + "): expected the control as a "
                        + "quoted string such as \"4.10\" (YAML reads 4.10 unquoted as the number 4.1)");
            }
            for (VersionRange other : refs.keySet()) {
                if (other.intersects(range)) {
                    throw new InvalidRuleException(id, "field 'cis': version ranges " + other + " and " + range
                            + " overlap");
                }
            }
            refs.put(range, e.getValue().textValue());
        }
        return refs;
    }

    private static List<VersionedPattern> patterns(String id, JsonNode root) throws InvalidRuleException {
        JsonNode single = root.get("pattern");
        JsonNode versioned = root.get("patterns");
        if ((single == null) == (versioned == null)) {
            throw new InvalidRuleException(id, "exactly one of the fields 'pattern' (one pattern for every "
                    + "benchmark version) and 'patterns' (a mapping of version range to pattern) is required");
        }
        List<VersionedPattern> patterns = new ArrayList<>();
        if (single != null) {
            patterns.add(new VersionedPattern(VersionRange.ALL, compile(id, "pattern", single)));
            return patterns;
        }
        if (!versioned.isObject() || versioned.isEmpty()) {
            throw new InvalidRuleException(id, "field 'patterns': expected a mapping of version range to pattern, "
                    + "e.g. v6.0.0+: '{ ... }'");
        }
        for (Map.Entry<String, JsonNode> e : versioned.properties()) {
            VersionRange range = range(id, "field 'patterns'", e.getKey());
            for (VersionedPattern other : patterns) {
                if (other.versions().intersects(range)) {
                    throw new InvalidRuleException(id, "field 'patterns': version ranges " + other.versions()
                            + " and " + range + " overlap");
                }
            }
            patterns.add(new VersionedPattern(range, compile(id, "patterns (" + e.getKey() + ")", e.getValue())));
        }
        return patterns;
    }

    private static FilterPattern compile(String id, String field, JsonNode node) throws InvalidRuleException {
        if (!node.isTextual()) {
            throw new InvalidRuleException(id, "field '" + field + "': expected the filter pattern as a string");
        }
        FilterPattern pattern;
        try {
            pattern = FilterPattern.compile(node.textValue().strip());
        } catch (FilterPatternSyntaxException e) {
            throw new InvalidRuleException(id, "field '" + field + "': " + e.getMessage());
        }
        if (pattern.matchesEverything()) {
            throw new InvalidRuleException(id, "field '" + field + "': the pattern is blank, which would match "
                    + "every event");
        }
        return pattern;
    }

    private static List<RuleTestCase> tests(String id, JsonNode tests, List<VersionedPattern> patterns)
            throws InvalidRuleException {
        List<RuleTestCase> cases = new ArrayList<>();
        if (tests == null || tests.isNull()) {
            return cases;
        }
        if (!tests.isArray()) {
            throw new InvalidRuleException(id, "field 'tests': expected a list of {name, expected, event}");
        }
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode test : tests) {
            index++;
            String where = "tests[" + index + "]";
            if (!test.isObject()) {
                throw new InvalidRuleException(id, where + ": expected a mapping with name, expected and event");
            }
            for (Iterator<String> fields = test.fieldNames(); fields.hasNext();) {
                String field = fields.next();
                if (!TEST_FIELDS.contains(field)) {
                    throw new InvalidRuleException(id, where + ": unknown field '" + field
                            + "' (expected name, expected, versions, event)");
                }
            }
            String name = optionalText(test, "name", null);
            if (name == null || name.isBlank()) {
                throw new InvalidRuleException(id, where + ": field 'name' is required");
            }
            where = "test '" + name + "'";
            if (!names.add(name)) {
                throw new InvalidRuleException(id, where + ": another test has the same name");
            }
            JsonNode expected = test.get("expected");
            if (expected == null || !expected.isBoolean()) {
                throw new InvalidRuleException(id, where + ": field 'expected' is required and must be true or "
                        + "false");
            }
            VersionRange versions = test.has("versions")
                    ? range(id, where + ": field 'versions'", optionalText(test, "versions", ""))
                    : VersionRange.ALL;
            if (patterns.stream().noneMatch(p -> p.versions().intersects(versions))) {
                throw new InvalidRuleException(id, where + ": no pattern of the rule covers versions " + versions);
            }
            JsonNode event = test.get("event");
            if (event == null || !event.isObject()) {
                throw new InvalidRuleException(id, where + ": field 'event' is required and must be a CloudTrail "
                        + "record (a mapping, JSON syntax is fine)");
            }
            cases.add(new RuleTestCase(name, expected.booleanValue(), versions, event));
        }
        return cases;
    }

    private static VersionRange range(String id, String context, String text) throws InvalidRuleException {
        try {
            return VersionRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(id, context + ": " + e.getMessage());
        }
    }

    private static String requiredText(String id, JsonNode root, String field) throws InvalidRuleException {
        String value = optionalText(root, field, null);
        if (value == null || value.isBlank()) {
            throw new InvalidRuleException(id, "field '" + field + "' is required");
        }
        return value;
    }

    /** Scalars are accepted as text (YAML may read a title like 2024 as a number); mappings and lists are not. */
    private static String optionalText(JsonNode root, String field, String fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isValueNode()) {
            throw new IllegalArgumentException("field '" + field + "': expected text, found a "
                    + (node.isArray() ? "list" : "mapping"));
        }
        return node.asText().strip();
    }

    private static boolean optionalBoolean(String id, JsonNode root, String field, boolean fallback)
            throws InvalidRuleException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new InvalidRuleException(id, "field '" + field + "': expected true or false, found '"
                    + node.asText() + "'");
        }
        return node.booleanValue();
    }

    private interface WireParser<T> {
        T parse(String value);
    }

    private static <T> T fromWire(String id, String field, String value, WireParser<T> parser)
            throws InvalidRuleException {
        try {
            return parser.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(id, "field '" + field + "': " + e.getMessage());
        }
    }
}
