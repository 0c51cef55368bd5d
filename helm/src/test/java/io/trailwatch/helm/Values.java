package io.trailwatch.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Values files: loading, writing and Helm's merge of one values file over another. */
final class Values {

    private Values() {
    }

    static Yaml yaml() {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(16 * 1024 * 1024);
        DumperOptions dumper = new DumperOptions();
        dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(loader, dumper);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) {
        try {
            Object loaded = yaml().load(Files.readString(file, StandardCharsets.UTF_8));
            return loaded == null ? new LinkedHashMap<>() : (Map<String, Object>) loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Map<String, Object> values, Path file) {
        try {
            Files.writeString(file, yaml().dump(values), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's merge: maps merge key by key, anything else in the override replaces, a null deletes. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object current = merged.get(key);
            if (value == null) {
                merged.remove(key);
            } else if (value instanceof Map<?, ?> map && current instanceof Map<?, ?> currentMap) {
                merged.put(key, merge((Map<String, Object>) currentMap, (Map<String, Object>) map));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
