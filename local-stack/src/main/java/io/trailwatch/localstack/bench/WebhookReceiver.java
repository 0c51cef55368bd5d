package io.trailwatch.localstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook receiver alert-service notifies during a benchmark: a real HTTP server on loopback that notes, for
 * every finding in every notification, when it first arrived (keyed by rule id and eventID).
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bench-webhook-receiver");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong findings = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the benchmark's webhook receiver on loopback", e);
        }
        server.setExecutor(threads);
        server.createContext("/hook", this::receive);
        server.start();
    }

    private void receive(HttpExchange exchange) throws IOException {
        long now = System.currentTimeMillis();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            notifications.incrementAndGet();
            try {
                for (JsonNode finding : MAPPER.readTree(body).path("findings")) {
                    findings.incrementAndGet();
                    String eventId = finding.path("eventID").asText(null);
                    String ruleId = finding.path("ruleId").asText(null);
                    if (eventId != null && ruleId != null) {
                        firstArrival.putIfAbsent(key(ruleId, eventId), now);
                    }
                }
            } catch (IOException e) {
                unreadable.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    static String key(String ruleId, String eventId) {
        return ruleId + "|" + eventId;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Wall-clock millis when a finding of {@code ruleId} on {@code eventId} first arrived, or null. */
    public Long arrival(String ruleId, String eventId) {
        return firstArrival.get(key(ruleId, eventId));
    }

    public long notifications() {
        return notifications.get();
    }

    /** Findings received, counting each time a finding appears in a notification. */
    public long findings() {
        return findings.get();
    }

    /** Notifications whose body was not JSON. */
    public long unreadable() {
        return unreadable.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
