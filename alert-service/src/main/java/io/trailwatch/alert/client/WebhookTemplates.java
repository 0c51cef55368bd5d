package io.trailwatch.alert.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Expression;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.ValueResolvers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User templates (Qute) for webhook bodies. The data is the webhook JSON as maps and lists, nothing else: no
 * method calls, no reflection. With a JSON content type every value is JSON-string-escaped, so finding fields
 * cannot break out of a string; {@code {value.json}} writes any value as JSON and {@code {value.raw}} unescaped.
 */
@ApplicationScoped
public class WebhookTemplates {

    private static final int MAX_TEMPLATES = 256;

    private final Engine escapingJson;
    private final Engine plain;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;

    public WebhookTemplates(ObjectMapper mapper) {
        this.mapper = mapper;
        ValueResolver json = ValueResolver.builder()
                .applyToName("json")
                .applyToNoParameters()
                .resolveSync(this::toJson)
                .build();
        this.escapingJson = Engine.builder().addDefaults().addValueResolver(ValueResolvers.rawResolver())
                .addValueResolver(json).addResultMapper(new JsonStringEscaper()).build();
        this.plain = Engine.builder().addDefaults().addValueResolver(ValueResolvers.rawResolver())
                .addValueResolver(json).build();
    }

    public static boolean isJson(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.contains("+json");
    }

    /**
     * Renders {@code template} with {@code data}; a template or rendering error becomes an
     * {@link IllegalArgumentException} saying where it is.
     */
    public String render(String template, String contentType, Map<String, Object> data) {
        boolean json = isJson(contentType);
        Template parsed = compiled.get(json + template);
        if (parsed == null) {
            parsed = parse(template, json);
            if (compiled.size() < MAX_TEMPLATES) {
                compiled.put(json + template, parsed);
            }
        }
        try {
            return parsed.data(data).render();
        } catch (TemplateException e) {
            throw new IllegalArgumentException("the template failed: " + describe(e));
        }
    }

    /** Parses and renders against {@code sample}; with a JSON content type the output must be valid JSON. */
    public void validate(String template, String contentType, Map<String, Object> sample) {
        String output = render(template, contentType, sample);
        if (isJson(contentType)) {
            try {
                mapper.readTree(output);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the template does not produce valid JSON for a sample notification: "
                        + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + " of the output)");
            }
        }
    }

    private Template parse(String template, boolean json) {
        try {
            return (json ? escapingJson : plain).parse(template);
        } catch (TemplateException e) {
            throw new IllegalArgumentException("the template cannot be parsed: " + describe(e));
        }
    }

    private Object toJson(EvalContext context) {
        try {
            return new RawString(mapper.writeValueAsString(context.getBase()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(TemplateException e) {
        TemplateNode.Origin origin = e.getOrigin();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return origin == null ? message : message + " (line " + origin.getLine() + ")";
    }

    /** Escapes every value for use inside a JSON string, unless it is a {@link RawString}. */
    static final class JsonStringEscaper implements ResultMapper {

        @Override
        public boolean appliesTo(TemplateNode.Origin origin, Object result) {
            return !(result instanceof RawString);
        }

        @Override
        public String map(Object result, Expression expression) {
            return TextSafety.jsonStringContent(result.toString());
        }
    }
}
