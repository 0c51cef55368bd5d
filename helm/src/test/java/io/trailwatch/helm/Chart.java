package io.trailwatch.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart at helm/trailwatch, rendered and linted with the Helm that helm-java bundles.
 *
 * <p>helm-java's {@code template} leaves hooks (the topic and migration Jobs, the {@code helm test} pod) out of its
 * output. So rendering uses a copy of the chart in target/ whose templates say {@value #RENDERED_HOOK_PREFIX}
 * instead of {@value #HOOK_PREFIX}: Helm then renders hooks as plain manifests, and {@link Manifest} turns the
 * annotations back, so every test sees exactly what Helm would create. Linting uses the chart itself.
 */
final class Chart {

    static final Path DIR = Path.of("trailwatch").toAbsolutePath();
    static final Path PRODUCTION_VALUES = DIR.resolve("examples/production-values.yaml");
    static final String RELEASE = "tw";
    static final String NAMESPACE = "soc";
    static final String FULLNAME = "tw-trailwatch";
    static final List<String> COMPONENTS = List.of("collector", "rules", "alert", "query");

    static final String HOOK_PREFIX = "helm.sh/hook";
    static final String RENDERED_HOOK_PREFIX = "render.trailwatch.test/hook";

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static Path renderCopy;

    private Chart() {
    }

    /** Renders the chart with the given values files (in order) and then the --set style values. */
    static Rendered render(List<Path> valuesFiles, Map<String, Object> set) {
        FakeKubernetesApi.get();
        TemplateCommand template = new Helm(renderCopy()).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path file : valuesFiles) {
            template = template.withValuesFile(file);
        }
        for (Map.Entry<String, Object> entry : set.entrySet()) {
            template = template.set(entry.getKey(), entry.getValue());
        }
        return Rendered.parse(template.call());
    }

    static Rendered render(Map<String, Object> set) {
        return render(List.of(), set);
    }

    static Rendered renderDefaults() {
        return render(List.of(), Map.of());
    }

    static Rendered renderProduction(Map<String, Object> set) {
        return render(List.of(PRODUCTION_VALUES), set);
    }

    /** The message Helm fails with for these values; fails the test when Helm renders them. */
    static String renderFailure(List<Path> valuesFiles, Map<String, Object> set) {
        try {
            render(valuesFiles, set);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("Helm rendered the chart with " + valuesFiles + " " + set + " but should have refused");
    }

    static LintResult lint(Path chart) {
        return new Helm(chart).lint().strict().call();
    }

    /**
     * A copy of the chart whose values.yaml is the chart's values with {@code overrides} merged over them the way
     * Helm merges a values file: helm-java's lint takes no values file, so this is how a values file is linted.
     */
    static Path withMergedValues(Path overrides, String name) {
        Path copy = TARGET.resolve("chart-" + name).resolve("trailwatch");
        copyChart(copy, false);
        Map<String, Object> merged = Values.merge(Values.load(DIR.resolve("values.yaml")), Values.load(overrides));
        Values.write(merged, copy.resolve("values.yaml"));
        return copy;
    }

    private static synchronized Path renderCopy() {
        if (renderCopy == null) {
            renderCopy = TARGET.resolve("chart-render").resolve("trailwatch");
            copyChart(renderCopy, true);
        }
        return renderCopy;
    }

    private static void copyChart(Path copy, boolean exposeHooks) {
        try {
            if (Files.exists(copy)) {
                try (Stream<Path> old = Files.walk(copy)) {
                    for (Path path : old.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(DIR)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                Path target = copy.resolve(DIR.relativize(file).toString());
                Files.createDirectories(target.getParent());
                boolean template = DIR.relativize(file).startsWith("templates");
                if (exposeHooks && template) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Files.writeString(target, text.replace(HOOK_PREFIX, RENDERED_HOOK_PREFIX), StandardCharsets.UTF_8);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Values for {@link #render(Map)}: an ordered map, as --set applies in order. */
    static Map<String, Object> set(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    /** Every rendered document, in Helm's order. */
    record Rendered(List<Manifest> manifests) {

        static Rendered parse(String output) {
            List<Manifest> manifests = new ArrayList<>();
            for (Object document : Values.yaml().loadAll(output)) {
                if (document instanceof Map<?, ?> map) {
                    manifests.add(Manifest.of(map));
                }
            }
            return new Rendered(List.copyOf(manifests));
        }

        List<Manifest> ofKind(String kind) {
            return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
        }

        Manifest get(String kind, String name) {
            return manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + summary()));
        }

        boolean has(String kind, String name) {
            return manifests.stream().anyMatch(m -> m.kind().equals(kind) && m.name().equals(name));
        }

        /** The Deployment or StatefulSet of a component. */
        Manifest workload(String component) {
            return get(component.equals("rules") ? "StatefulSet" : "Deployment", FULLNAME + "-" + component);
        }

        /** Every object that runs pods: Deployments, StatefulSets, Jobs and bare Pods. */
        List<Manifest> podOwners() {
            return manifests.stream()
                    .filter(m -> List.of("Deployment", "StatefulSet", "Job", "Pod").contains(m.kind()))
                    .toList();
        }

        List<String> summary() {
            return manifests.stream().map(m -> m.kind() + "/" + m.name()).toList();
        }
    }
}
