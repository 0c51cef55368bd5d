package io.trailwatch.localstack.ui.bench;

import io.trailwatch.infra.DataDirectory;
import io.trailwatch.infra.KafkaBroker;
import io.trailwatch.infra.PostgresServer;
import io.trailwatch.infra.ServiceProcess;
import io.trailwatch.infra.TopicSpec;
import io.trailwatch.localstack.LocalStack;
import io.trailwatch.localstack.ui.Browser;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * How fast the dashboard draws in headless chromium against query-service's benchmark data set (built beforehand
 * by {@code io.trailwatch.query.bench.BenchData} into {@code --dir}): the packaged query-service is started on that
 * PostgreSQL, a viewer signs in, and each dashboard view is loaded {@code --runs} times. Every figure is from the
 * page's own Navigation Timing: response end (server time and transfer), and the marks dashboard.js records when
 * every panel's chart is drawn ("panels") and when the map is drawn too ("all"), counted from the navigation start.
 * The first load is with an empty browser cache; later loads are what opening a bookmarked view costs. Filter
 * changes made on the page update it in place and are timed separately, with dashboard.js's "dashboard-update"
 * measure (from the click to everything redrawn).
 *
 * <pre>java -cp ... io.trailwatch.localstack.ui.bench.DashboardTiming --dir /tmp/trailwatch-query-bench
 *     --port 55432 --runs 10</pre>
 * (the full command with the classpath is in docs/performance-ui.md)
 */
public final class DashboardTiming {

    private static final String VIEWER_PASSWORD = "bench-viewer";

    private DashboardTiming() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        Path dir = Path.of(args.getOrDefault("dir", "/tmp/trailwatch-query-bench")).toAbsolutePath();
        int pgPort = Integer.parseInt(args.getOrDefault("port", "55432"));
        int runs = Integer.parseInt(args.getOrDefault("runs", "10"));
        Path jar = Path.of(args.getOrDefault("jar", "query-service/target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
        if (!Files.exists(dir.resolve("postgres"))) {
            throw new IllegalArgumentException("no benchmark data in " + dir + ": build it first with "
                    + "io.trailwatch.query.bench.BenchData --dir " + dir);
        }
        if (!Files.exists(jar)) {
            throw new IllegalArgumentException("no packaged query-service at " + jar + " (--jar)");
        }
        if (!Files.isExecutable(Path.of(Browser.CHROMIUM)) || !Files.isExecutable(Path.of(Browser.CHROMEDRIVER))) {
            throw new IllegalStateException("the UI benchmark needs Debian's chromium and chromium-driver packages "
                    + "(apt-get install -y chromium chromium-driver)");
        }
        Path work = DataDirectory.temporary("trailwatch-ui-bench");
        try (PostgresServer postgres = PostgresServer.start(dir.resolve("postgres"), pgPort);
             KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), 0)) {
            kafka.createTopics(TopicSpec.platformTopics(12));
            int httpPort = freePort();
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("trailwatch"));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.USER);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("TRAILWATCH_ADMIN_PASSWORD", "bench-admin");
            env.put("TRAILWATCH_ANALYST_PASSWORD", "bench-analyst");
            env.put("TRAILWATCH_VIEWER_PASSWORD", VIEWER_PASSWORD);
            env.put("TRAILWATCH_QUERY_RETENTION_EVENT_DAYS", "3650");
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            ServiceProcess service = new ServiceProcess("query-service", jar, httpPort, env,
                    LocalStack.jvmOptions("query-service"),
                    work.resolve("query-service.log"));
            service.start();
            try {
                service.awaitReady(Duration.ofSeconds(180));
                measure(service.url(), runs);
            } finally {
                service.stop(Duration.ofSeconds(20));
            }
        } finally {
            DataDirectory.delete(work);
        }
    }

    private static void measure(String base, int runs) {
        ChromeDriver driver = Browser.driver();
        driver.get(base + "/login");
        driver.findElement(By.name("j_username")).sendKeys("viewer");
        driver.findElement(By.name("j_password")).sendKeys(VIEWER_PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        Browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".topbar .user-name")));
        String account = (String) driver.executeScript(
                "const o = document.querySelector('#filter-account option'); return o ? o.value : null;");

        System.out.printf("query-service %s; viewport 1366x768; %d runs per view; times in ms from navigation start%n",
                base, runs);
        System.out.printf("%-44s %8s %8s %8s %8s%n", "view", "response", "DOM", "panels", "all");
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        print("first load, empty cache (/?range=24h)", List.of(load(driver, base + "/?range=24h")));
        List<String> views = new ArrayList<>(List.of("/?range=1h", "/?range=24h", "/?range=7d", "/?range=30d"));
        if (account != null) {
            views.add("/?range=24h&accountId=" + account);
            views.add("/?range=30d&accountId=" + account);
        }
        for (String view : views) {
            List<double[]> samples = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                samples.add(load(driver, base + view));
            }
            print(view + " (cached assets)", samples);
        }
        filterChanges(driver, base, account, runs);
    }

    /**
     * Filter changes made on the page (a range preset, the account filter, Reset), which update it in place: the
     * "dashboard-update" measure of dashboard.js, from the click to every panel, chart and the map redrawn.
     */
    private static void filterChanges(ChromeDriver driver, String base, String account, int runs) {
        Map<String, Runnable> steps = new LinkedHashMap<>();
        steps.put("24h -> 1h (preset)", () -> click(driver, By.cssSelector("[data-range='1h']")));
        steps.put("1h -> 24h (preset)", () -> click(driver, By.cssSelector("[data-range='24h']")));
        steps.put("24h -> 7d (preset)", () -> click(driver, By.cssSelector("[data-range='7d']")));
        steps.put("7d -> 24h (preset)", () -> click(driver, By.cssSelector("[data-range='24h']")));
        if (account != null) {
            steps.put("24h -> 24h, one account (form)", () -> {
                new Select(driver.findElement(By.id("filter-account"))).selectByValue(account);
                click(driver, By.id("apply-filters"));
            });
            steps.put("one account -> all (Reset, 24h)", () -> click(driver, By.id("reset-filters")));
        }
        load(driver, base + "/?range=24h");
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            steps.forEach((name, step) -> {
                step.run();
                Browser.waitUntil(ExpectedConditions.attributeToBe(By.tagName("body"), "data-dashboard-ready",
                        "true"));
                @SuppressWarnings("unchecked")
                List<Number> ms = (List<Number>) driver.executeScript("""
                        const last = name => { const m = performance.getEntriesByName(name);
                                               return m.length ? m[m.length - 1].duration : -1; };
                        return ['dashboard-update', 'dashboard-update-fetch', 'dashboard-update-swap',
                                'dashboard-update-draw'].map(last);""");
                samples.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(ms.stream().mapToDouble(Number::doubleValue).toArray());
            });
        }
        System.out.printf("%nfilter changes on the page (ms from the click to everything redrawn; medians of the"
                + " parts: fetch = request to page received, swap = parsing and swapping it in, draw = charts and"
                + " map)%n");
        System.out.printf("%-44s %8s %8s %8s %8s %8s%n", "change", "median", "max", "fetch", "swap", "draw");
        samples.forEach((name, values) -> System.out.printf("%-44s %8.0f %8.0f %8.0f %8.0f %8.0f%n", name,
                median(values, 0), max(values, 0), median(values, 1), median(values, 2), median(values, 3)));
    }

    private static double median(List<double[]> samples, int column) {
        double[] sorted = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static double max(List<double[]> samples, int column) {
        return samples.stream().mapToDouble(s -> s[column]).max().orElse(-1);
    }

    private static void click(ChromeDriver driver, By element) {
        driver.findElement(element).click();
    }

    /** Loads one URL and returns {response end, DOMContentLoaded end, panels drawn, all drawn} in ms. */
    private static double[] load(ChromeDriver driver, String url) {
        driver.get(url);
        Browser.waitUntil(ExpectedConditions.attributeToBe(By.tagName("body"), "data-dashboard-ready", "true"));
        @SuppressWarnings("unchecked")
        List<Number> t = (List<Number>) driver.executeScript("""
                const n = performance.getEntriesByType('navigation')[0];
                const mark = name => { const m = performance.getEntriesByName(name); return m.length ? m[0].startTime : -1; };
                return [n.responseEnd, n.domContentLoadedEventEnd, mark('dashboard-panels-drawn'), mark('dashboard-drawn')];""");
        return t.stream().mapToDouble(Number::doubleValue).toArray();
    }

    private static void print(String view, List<double[]> samples) {
        System.out.printf("%-44s %8.0f %8.0f %8.0f %8.0f   median%n", view, median(samples, 0), median(samples, 1),
                median(samples, 2), median(samples, 3));
        if (samples.size() > 1) {
            System.out.printf("%-44s %8.0f %8.0f %8.0f %8.0f   max%n", "", max(samples, 0), max(samples, 1),
                    max(samples, 2), max(samples, 3));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
