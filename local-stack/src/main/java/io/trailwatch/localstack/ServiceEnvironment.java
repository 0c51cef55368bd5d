package io.trailwatch.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's environment in the local stack, from {@code /local-env/<service>.properties}: variable names and
 * values in which {@code ${name}} stands for one of the stack's own values (ports, endpoints, directories).
 */
final class ServiceEnvironment {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9.-]+)}");

    private ServiceEnvironment() {
    }

    static Map<String, String> load(String service, Map<String, String> values) {
        String resource = "/local-env/" + service + ".properties";
        Properties properties = new Properties();
        try (InputStream in = ServiceEnvironment.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no local environment for " + service + " (" + resource + ")");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            env.put(name, substitute(resource, name, properties.getProperty(name), values));
        }
        return env;
    }

    private static String substitute(String resource, String name, String value, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = values.get(m.group(1));
            if (replacement == null) {
                throw new IllegalStateException(resource + ": " + name + " uses unknown value ${" + m.group(1)
                        + "}; known values are " + values.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
