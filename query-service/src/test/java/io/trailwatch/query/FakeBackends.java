package io.trailwatch.query;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.trailwatch.infra.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for alert-service (a real HTTP server on loopback that records what it receives and answers by path)
 * and a rules-service URL where nothing listens, for the proxy tests.
 */
public class FakeBackends implements QuarkusTestResourceLifecycleManager {

    /** One request the fake alert-service received. */
    public record Received(String method, String pathAndQuery, String authorization, String actingUser,
                           String contentType, String body) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake alert-service", e);
        }
        server.createContext("/", FakeBackends::handle);
        server.start();
        int port = server.getAddress().getPort();
        return Map.of(
                "trailwatch.query.alert-service.url", "http://127.0.0.1:" + port,
                "trailwatch.query.alert-service.password", "test-admin",
                "trailwatch.query.rules-service.url", "http://127.0.0.1:" + FreePorts.pick(),
                "trailwatch.query.rules-service.connect-timeout", "1s");
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String uri = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        RECEIVED.add(new Received(exchange.getRequestMethod(), uri,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Trailwatch-Acting-User"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        int status = 200;
        String answer = "{\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\"" + uri + "\"}";
        if (uri.startsWith("/api/v1/channels/missing")) {
            status = 404;
            answer = "{\"status\":404,\"error\":\"not_found\",\"message\":\"no channel named missing\"}";
        } else if (exchange.getRequestMethod().equals("POST") && uri.equals("/api/v1/silences")) {
            status = 201;
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/api/v1/silences/s-1");
            answer = body;
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
