package io.trailwatch.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Alerts and the dashboard query metrics the services really publish. */
class ObservabilityTest {

    private static final Pattern TRAILWATCH_METRIC = Pattern.compile("\\btrailwatch_[a-z_]+");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void thePrometheusRuleHasTheOperationalAlerts() {
        Manifest rule = Chart.renderProduction(Map.of()).get("PrometheusRule", Chart.FULLNAME);

        List<String> alerts = alerts(rule).stream().map(a -> (String) a.get("alert")).toList();
        assertThat(alerts).containsExactly("TrailwatchServiceDown", "TrailwatchConsumerLagHigh",
                "TrailwatchRejectedInputs", "TrailwatchCollectorBehind", "TrailwatchRulesRejectedRecords",
                "TrailwatchDeliveriesFailing", "TrailwatchRulesLoadErrors", "TrailwatchApiErrors");
        assertThat(alerts(rule)).allSatisfy(alert -> {
            assertThat(String.valueOf(alert.get("labels"))).contains("severity=", "team=soc-platform");
            assertThat(alert.get("expr").toString()).contains("namespace=\"soc\"");
        });
        assertThat(rule.labels()).containsEntry("release", "kube-prometheus-stack");
    }

    @Test
    void alertsAndTheDashboardUseMetricsTheServicesRegister() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Map<String, Object> alert : alerts(Chart.renderProduction(Map.of()).get("PrometheusRule", Chart.FULLNAME))) {
            used.addAll(metricNames(alert.get("expr").toString()));
        }
        for (String expr : dashboardExpressions()) {
            used.addAll(metricNames(expr));
        }
        String sources = serviceSources();

        List<String> unknown = new ArrayList<>();
        for (String metric : used) {
            if (!sources.contains("\"" + micrometerName(metric) + "\"")) {
                unknown.add(metric + " (Micrometer name " + micrometerName(metric) + ")");
            }
        }
        assertThat(used).hasSizeGreaterThan(10);
        assertThat(unknown).as("metrics no service registers").isEmpty();
    }

    @Test
    void theDashboardIsAValidGrafanaDashboardOnADataSourceVariable() throws IOException {
        JsonObject dashboard = dashboard();

        assertThat(dashboard.get("uid").getAsString()).isEqualTo("trailwatch-platform");
        assertThat(dashboard.getAsJsonArray("panels")).hasSizeGreaterThan(10);
        for (JsonElement panel : dashboard.getAsJsonArray("panels")) {
            JsonObject object = panel.getAsJsonObject();
            if (!object.get("type").getAsString().equals("row")) {
                assertThat(object.getAsJsonObject("datasource").get("uid").getAsString()).isEqualTo("${datasource}");
                assertThat(object.getAsJsonArray("targets")).isNotEmpty();
            }
        }
        Manifest configMap = Chart.renderProduction(Map.of()).get("ConfigMap", "tw-trailwatch-dashboard");
        assertThat(configMap.labels()).containsEntry("grafana_dashboard", "1");
        assertThat(JsonParser.parseString((String) configMap.map("data").get("trailwatch.json"))).isEqualTo(dashboard);
    }

    /** Micrometer's dotted name of a Prometheus series name: counters end in _total, timers in _seconds_*. */
    private static String micrometerName(String prometheus) {
        String base = prometheus.replaceAll("_(total|seconds_sum|seconds_count|seconds_max|seconds)$", "");
        return base.replace('_', '.');
    }

    private static Set<String> metricNames(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = TRAILWATCH_METRIC.matcher(expr);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alerts(Manifest rule) {
        List<Object> groups = rule.listOrEmpty("spec.groups");
        return (List<Map<String, Object>>) ((Map<String, Object>) groups.get(0)).get("rules");
    }

    private static List<String> dashboardExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonElement panel : dashboard().getAsJsonArray("panels")) {
            JsonArray targets = panel.getAsJsonObject().getAsJsonArray("targets");
            if (targets != null) {
                targets.forEach(target -> expressions.add(target.getAsJsonObject().get("expr").getAsString()));
            }
        }
        return expressions;
    }

    private static JsonObject dashboard() throws IOException {
        return JsonParser.parseString(Files.readString(Chart.DIR.resolve("files/grafana/trailwatch.json"),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static String serviceSources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String service : List.of("collector-service", "rules-service", "alert-service", "query-service")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(service).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    try {
                        all.append(Files.readString(f, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return all.toString();
    }
}
