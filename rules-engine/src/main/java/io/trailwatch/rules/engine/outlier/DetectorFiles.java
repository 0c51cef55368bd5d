package io.trailwatch.rules.engine.outlier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.trailwatch.contracts.Severity;
import io.trailwatch.rules.engine.rule.RuleLoadError;
import io.trailwatch.rules.engine.rule.RuleSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads outlier detector definitions (one YAML file each) from the jar and from a directory. Like rules, a
 * broken file is reported as a {@link RuleLoadError} and skipped.
 */
public final class DetectorFiles {

    public static final String BUILTIN_INDEX = "detectors/builtin.txt";
    public static final long MAX_FILE_BYTES = 64 * 1024;

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build());
    private static final Pattern ID = Pattern.compile("outlier(-[a-z0-9]+)+");
    private static final List<String> FIELDS = List.of("id", "title", "severity", "description", "rule", "groupBy",
            "timeslice", "window", "threshold", "consecutive", "direction", "minCount", "seasonal", "enabled");

    private DetectorFiles() {
    }

    public record Result(List<DetectorDefinition> detectors, List<RuleLoadError> errors) {

        public Result {
            detectors = List.copyOf(detectors);
            errors = List.copyOf(errors);
        }
    }

    /**
     * The built-in detectors, then those in {@code customDir} (null for none). A detector whose rule is not in
     * {@code ruleIds}, or whose id is already taken, is reported and skipped.
     */
    public static Result load(Path customDir, Set<String> ruleIds) {
        List<DetectorDefinition> loaded = new ArrayList<>();
        List<RuleLoadError> errors = new ArrayList<>();
        for (String resource : builtinResources()) {
            String origin = "builtin:" + resource;
            try (InputStream in = DetectorFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    errors.add(new RuleLoadError(origin, null, "listed in " + BUILTIN_INDEX + " but missing"));
                } else {
                    parse(origin, RuleSource.BUILTIN, in.readAllBytes(), loaded, errors);
                }
            } catch (IOException e) {
                errors.add(new RuleLoadError(origin, null, "cannot read: " + e.getMessage()));
            }
        }
        if (customDir != null) {
            readDirectory(customDir, loaded, errors);
        }
        List<DetectorDefinition> detectors = new ArrayList<>();
        Map<String, DetectorDefinition> byId = new HashMap<>();
        for (DetectorDefinition d : loaded) {
            DetectorDefinition first = byId.putIfAbsent(d.id(), d);
            if (first != null) {
                errors.add(new RuleLoadError(d.origin(), d.id(), "duplicate detector id '" + d.id()
                        + "': already defined by " + first.origin()));
            } else if (!ruleIds.contains(d.ruleId())) {
                errors.add(new RuleLoadError(d.origin(), d.id(), "field 'rule': no rule with id '" + d.ruleId()
                        + "' is loaded"));
            } else {
                detectors.add(d);
            }
        }
        return new Result(detectors, errors);
    }

    private static void readDirectory(Path dir, List<DetectorDefinition> loaded, List<RuleLoadError> errors) {
        if (!Files.isDirectory(dir)) {
            errors.add(new RuleLoadError(dir.toString(), null, Files.exists(dir)
                    ? "not a directory" : "custom detectors directory does not exist"));
            return;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (!name.startsWith(".") && (lower.endsWith(".yml") || lower.endsWith(".yaml"))
                        && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            errors.add(new RuleLoadError(dir.toString(), null, "cannot list the directory: " + e.getMessage()));
            return;
        }
        files.sort(Path::compareTo);
        for (Path file : files) {
            try {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    errors.add(new RuleLoadError(file.toString(), null, "detector files are limited to "
                            + MAX_FILE_BYTES + " bytes"));
                    continue;
                }
                parse(file.toString(), RuleSource.CUSTOM, Files.readAllBytes(file), loaded, errors);
            } catch (IOException e) {
                errors.add(new RuleLoadError(file.toString(), null, "cannot read: " + e.getMessage()));
            }
        }
    }

    private static void parse(String origin, RuleSource source, byte[] content, List<DetectorDefinition> loaded,
            List<RuleLoadError> errors) {
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            errors.add(new RuleLoadError(origin, null, "not valid YAML" + where + ": " + e.getOriginalMessage()));
            return;
        } catch (IOException e) {
            errors.add(new RuleLoadError(origin, null, "cannot read YAML: " + e.getMessage()));
            return;
        }
        if (root == null || !root.isObject()) {
            errors.add(new RuleLoadError(origin, null, "expected a YAML mapping with the fields id, title, severity, "
                    + "rule, ..."));
            return;
        }
        String id = root.path("id").isValueNode() ? root.path("id").asText().strip() : null;
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new RuleLoadError(origin, null, "field 'id': expected a detector id starting with 'outlier-' "
                    + "(lowercase letters, digits and single hyphens), found " + (id == null ? "none" : "'" + id + "'")));
            return;
        }
        try {
            loaded.add(definition(id, root, source, origin));
        } catch (IllegalArgumentException e) {
            errors.add(new RuleLoadError(origin, id, e.getMessage()));
        }
    }

    private static DetectorDefinition definition(String id, JsonNode root, RuleSource source, String origin) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "' (expected one of "
                        + String.join(", ", FIELDS) + ")");
            }
        }
        String title = field("title", () -> text(root, "title", ""));
        if (title.isBlank()) {
            throw new IllegalArgumentException("field 'title' is required");
        }
        Severity severity = field("severity", () -> Severity.fromWire(text(root, "severity", null)));
        String ruleId = field("rule", () -> text(root, "rule", ""));
        if (ruleId.isBlank()) {
            throw new IllegalArgumentException("field 'rule' is required: the id of the rule whose matches are counted");
        }
        String description = field("description", () -> text(root, "description", ""));
        GroupBy groupBy = field("groupBy", () -> GroupBy.parse(text(root, "groupBy", null)));
        OutlierParameters d = OutlierParameters.defaults();
        Duration timeslice = field("timeslice",
                () -> Timeslice.parse(text(root, "timeslice", Timeslice.format(d.timeslice()))));
        int window = field("window", () -> (int) integer(root, "window", d.window()));
        double threshold = field("threshold", () -> number(root, "threshold", d.threshold()));
        int consecutive = field("consecutive", () -> (int) integer(root, "consecutive", d.consecutive()));
        Direction direction = field("direction",
                () -> Direction.parse(text(root, "direction", d.direction().symbol())));
        long minCount = field("minCount", () -> integer(root, "minCount", d.minCount()));
        boolean seasonal = field("seasonal", () -> bool(root, "seasonal", d.seasonal()));
        boolean enabled = field("enabled", () -> bool(root, "enabled", true));
        OutlierParameters parameters;
        try {
            parameters = new OutlierParameters(timeslice, window, threshold, consecutive, direction, minCount,
                    seasonal);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid parameters: " + e.getMessage(), e);
        }
        return new DetectorDefinition(id, title, severity, description, ruleId, groupBy, parameters, enabled, source,
                origin);
    }

    private interface FieldParser<T> {
        T parse();
    }

    private static <T> T field(String name, FieldParser<T> parser) {
        try {
            return parser.parse();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + name + "': " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode root, String field, String fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isValueNode()) {
            throw new IllegalArgumentException("expected text, found a " + (node.isArray() ? "list" : "mapping"));
        }
        return node.asText().strip();
    }

    private static long integer(JsonNode root, String field, long fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("expected a whole number, found '" + node.asText() + "'");
        }
        return node.longValue();
    }

    private static double number(JsonNode root, String field, double fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber()) {
            throw new IllegalArgumentException("expected a number, found '" + node.asText() + "'");
        }
        return node.doubleValue();
    }

    private static boolean bool(JsonNode root, String field, boolean fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("expected true or false, found '" + node.asText() + "'");
        }
        return node.booleanValue();
    }

    private static List<String> builtinResources() {
        try (InputStream in = DetectorFiles.class.getClassLoader().getResourceAsStream(BUILTIN_INDEX)) {
            if (in == null) {
                throw new IllegalStateException(BUILTIN_INDEX + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILTIN_INDEX, e);
        }
    }
}
