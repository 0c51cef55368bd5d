package io.trailwatch.simulator.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.trailwatch.simulator.SimulatorException;
import io.trailwatch.simulator.SimulatorHandle;
import io.trailwatch.simulator.TrafficSimulator;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpIntakeSinkTest {

    private static final String USER = "admin";
    private static final String PASSWORD = "test-only-password";

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToSend = new AtomicInteger();
    private HttpServer server;
    private URI base;

    private record Received(String method, String path, String contentType, String contentEncoding,
                            String authorization, byte[] body) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            int status;
            if (!expected.equals(auth)) {
                status = 401;
            } else if (failuresToSend.getAndDecrement() > 0) {
                status = 503;
            } else {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Content-Encoding"), auth, body));
                status = 202;
            }
            byte[] answer = status == 202 ? "{\"records\":1,\"rejected\":0}".getBytes(StandardCharsets.UTF_8)
                    : ("{\"error\":\"status " + status + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    @Test
    void postsEachGzippedFileWithHeadersAndBasicAuth() throws IOException {
        SimulatorHandle handle = TrafficSimulator.builder().seed(3).start(Instant.parse("2026-11-27T10:00:00Z"))
                .duration(Duration.ofMinutes(20)).eventsPerSecond(1).scenarios(ScenarioSchedule.none())
                .asFastAsPossible().sink(Sinks.httpIntake(base, USER, PASSWORD)).build().start();
        long files = handle.await().files();

        assertThat(files).isPositive();
        assertThat(received).hasSize((int) files);
        ObjectMapper json = new ObjectMapper();
        for (Received r : received) {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/api/v1/intake/cloudtrail");
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.contentEncoding()).isEqualTo("gzip");
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
                JsonNode root = json.readTree(in);
                assertThat(root.get("Records").size()).isPositive();
            }
        }
    }

    @Test
    void retriesServerErrorsThenDelivers() throws SinkException {
        failuresToSend.set(2);
        LogFileSink sink = new RetryingSink(Sinks.httpIntake(base, USER, PASSWORD), 3, Duration.ofMillis(10),
                Duration.ofMillis(20));
        sink.deliver(file());
        assertThat(received).hasSize(1);
    }

    @Test
    void givesUpAfterTheLastAttemptWithAClearMessage() {
        failuresToSend.set(10);
        LogFileSink sink = new RetryingSink(Sinks.httpIntake(base, USER, PASSWORD), 3, Duration.ofMillis(10),
                Duration.ofMillis(20));
        assertThatThrownBy(() -> sink.deliver(file())).isInstanceOf(SinkException.class)
                .hasMessageContaining("after 3 attempts").hasMessageContaining("HTTP 503")
                .hasMessageContaining("test.json.gz");
        assertThat(received).isEmpty();
    }

    @Test
    void wrongCredentialsAreNotRetriedAndNameTheUser() {
        LogFileSink sink = new RetryingSink(Sinks.httpIntake(base, USER, "wrong"), 5, Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> sink.deliver(file())).isInstanceOf(SinkException.class)
                .hasMessageContaining("refused the credentials of user 'admin'").hasMessageContaining("401")
                .hasMessageNotContaining("wrong");
        assertThat(System.nanoTime() - t0).as("no backoff for a 401").isLessThan(Duration.ofSeconds(4).toNanos());
    }

    @Test
    void aSimulatorWhoseSinkKeepsFailingStopsAndReportsIt() {
        server.stop(0);
        SimulatorHandle handle = TrafficSimulator.builder().seed(3).start(Instant.parse("2026-11-27T10:00:00Z"))
                .duration(Duration.ofMinutes(20)).eventsPerSecond(1).asFastAsPossible()
                .retries(2, Duration.ofMillis(10)).sink(Sinks.httpIntake(base, USER, PASSWORD)).build().start();
        assertThatThrownBy(handle::await).isInstanceOf(SimulatorException.class)
                .hasMessageContaining("could not deliver").hasMessageContaining("after 2 attempts");
        assertThat(handle.failure()).isPresent();
        assertThat(handle.stats().files()).isZero();
    }

    private static LogFile file() {
        return new LogFile("AWSLogs/o-abcdefghij/111122223333/CloudTrail/us-east-1/2026/11/27/test.json.gz",
                "111122223333", "us-east-1", 0, new byte[] {0x1f, (byte) 0x8b}, 1, List.of());
    }
}
