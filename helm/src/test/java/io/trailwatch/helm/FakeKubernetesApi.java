package io.trailwatch.helm;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The part of the Kubernetes API that the chart's {@code lookup} calls reach: discovery of {@code v1} and reading a
 * Secret. helm-java's {@code template} renders against a cluster (unlike {@code helm template}), so without an API
 * the chart's look-ups of its generated Secrets fail; no real API server can run here. Secrets put here are what
 * the chart finds "in the cluster", which is how the tests check that generated credentials survive upgrades.
 *
 * <p>Started once per test JVM, before the first Helm call, and written to the kubeconfig file that surefire's
 * KUBECONFIG points at.
 */
final class FakeKubernetesApi {

    private static final Gson GSON = new Gson();
    private static final String V1_RESOURCES = """
            {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
             {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]}]}""";

    private static FakeKubernetesApi instance;

    private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();

    private FakeKubernetesApi(Path kubeconfig) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(null);
        Thread thread = new Thread(server::start, "fake-kubernetes-api");
        thread.setDaemon(true);
        thread.start();
        Files.createDirectories(kubeconfig.getParent());
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: fake
                    cluster:
                      server: http://127.0.0.1:%d
                contexts:
                  - name: fake
                    context:
                      cluster: fake
                      user: fake
                current-context: fake
                users:
                  - name: fake
                    user: {}
                """.formatted(server.getAddress().getPort()));
    }

    /** The running API, started on first use; the kubeconfig path comes from the KUBECONFIG variable surefire sets. */
    static synchronized FakeKubernetesApi get() {
        if (instance == null) {
            String kubeconfig = System.getenv("KUBECONFIG");
            if (kubeconfig == null || kubeconfig.isBlank() || kubeconfig.equals("/dev/null")) {
                throw new IllegalStateException("KUBECONFIG must name a writable file (set by surefire in helm/pom.xml)");
            }
            try {
                instance = new FakeKubernetesApi(Path.of(kubeconfig));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Makes a Secret exist, with its data as plain strings. */
    void putSecret(String namespace, String name, Map<String, String> data) {
        secrets.put(namespace + "/" + name, Map.copyOf(data));
    }

    void clearSecrets() {
        secrets.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/");
        if (path.equals("/api/v1")) {
            respond(exchange, 200, V1_RESOURCES);
        } else if (parts.length == 7 && path.startsWith("/api/v1/namespaces/") && parts[5].equals("secrets")) {
            Map<String, String> data = secrets.get(parts[4] + "/" + parts[6]);
            if (data == null) {
                respond(exchange, 404, notFound());
            } else {
                respond(exchange, 200, secret(parts[4], parts[6], data));
            }
        } else {
            respond(exchange, 404, notFound());
        }
    }

    private static String secret(String namespace, String name, Map<String, String> data) {
        JsonObject encoded = new JsonObject();
        data.forEach((key, value) -> encoded.addProperty(key,
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        JsonObject metadata = new JsonObject();
        metadata.addProperty("name", name);
        metadata.addProperty("namespace", namespace);
        JsonObject secret = new JsonObject();
        secret.addProperty("apiVersion", "v1");
        secret.addProperty("kind", "Secret");
        secret.add("metadata", metadata);
        secret.addProperty("type", "Opaque");
        secret.add("data", encoded);
        return GSON.toJson(secret);
    }

    private static String notFound() {
        return """
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"not found",\
                "reason":"NotFound","code":404}""";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
