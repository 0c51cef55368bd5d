package io.trailwatch.alert.service;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP receiver on loopback that records every request and can answer 503 a given number of times. */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    /** What the receiver got. */
    public record Received(String body, Map<String, List<String>> headers) {
    }

    static final ConcurrentLinkedQueue<Received> RECEIVED = new ConcurrentLinkedQueue<>();
    static final AtomicInteger FAILURES_TO_SEND = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = FAILURES_TO_SEND.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            RECEIVED.add(new Received(body, Map.copyOf(exchange.getRequestHeaders())));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return Map.of("trailwatch.alert.webhook-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                "trailwatch.alert.initial-backoff", "100ms");
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
