package io.trailwatch.alert.client;

import io.trailwatch.alert.config.AlertConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Every request alert-service sends to a receiver goes through here: the SSRF guard checks the URL and vets the
 * addresses the connection may use, redirects are never followed, and each request has a connect timeout and an
 * overall deadline. Answers are read up to 64 KiB.
 */
@ApplicationScoped
public class OutboundHttp {

    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final String USER_AGENT = "Trailwatch-Alert/0.1";

    /** A request to send; header names are case-insensitive. */
    public record Request(String method, URI uri, Map<String, String> headers, byte[] body) {

        public static Request post(URI uri, Map<String, String> headers, byte[] body) {
            return new Request("POST", uri, headers, body);
        }

        public static Request json(String method, URI uri, Map<String, String> headers, String json) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put("Content-Type", "application/json");
            all.put("Accept", "application/json");
            return new Request(method, uri, all, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The receiver's answer; header names in lower case. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final SsrfGuard guard;
    private final Duration deadline;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-http-deadline");
        t.setDaemon(true);
        return t;
    });

    public OutboundHttp(SsrfGuard guard, AlertConfig config) {
        this.guard = guard;
        this.deadline = config.connectTimeout().plus(config.requestTimeout());
        DnsResolver vettingResolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return guard.vet(host, host).toArray(InetAddress[]::new);
            }

            @Override
            public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
                return guard.vet(host, host).stream().map(a -> new InetSocketAddress(a, port)).toList();
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(vettingResolver)
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(Math.max(4, config.channelConcurrency() * 2))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.requestTimeout()))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setConnectionRequestTimeout(Timeout.of(config.requestTimeout()))
                        .setResponseTimeout(Timeout.of(config.requestTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent(USER_AGENT)
                .build();
    }

    /** Sends {@code request}; an answer of any status is a {@link Response}, no answer an {@link OutboundException}. */
    public Response send(Request request) throws OutboundException {
        String origin = SsrfGuard.origin(request.uri());
        try {
            guard.check(request.uri());
        } catch (RefusedDestinationException e) {
            throw new OutboundException(e.getMessage(), false);
        }
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEach(http::setHeader);
        if (request.body() != null) {
            http.setEntity(new ByteArrayEntity(request.body(), null));
        }
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> timer = watchdog.schedule(() -> {
            expired.set(true);
            http.cancel();
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(http, response -> {
                Map<String, String> headers = new LinkedHashMap<>();
                for (Header h : response.getHeaders()) {
                    headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
                }
                return new Response(response.getCode(), headers, read(response.getEntity()));
            });
        } catch (RefusedDestinationException e) {
            throw new OutboundException(e.getMessage(), false);
        } catch (ConnectTimeoutException e) {
            throw new OutboundException("timed out connecting to " + origin, true);
        } catch (ConnectException | NoRouteToHostException e) {
            throw new OutboundException("cannot connect to " + origin + ": connection refused", true);
        } catch (SocketTimeoutException e) {
            throw new OutboundException("no answer from " + origin + " within the request timeout", true);
        } catch (UnknownHostException e) {
            throw new OutboundException("host " + request.uri().getHost() + " does not resolve", true);
        } catch (SSLException e) {
            throw new OutboundException("TLS with " + origin + " failed: " + e.getMessage(), true);
        } catch (IOException e) {
            if (expired.get()) {
                throw new OutboundException("no complete answer from " + origin + " within " + deadline.toSeconds()
                        + " s", true);
            }
            throw new OutboundException("request to " + origin + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), true);
        } finally {
            timer.cancel(false);
        }
    }

    private static byte[] read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            return in.readNBytes(MAX_ANSWER_BYTES);
        }
    }

    @PreDestroy
    void close() throws IOException {
        watchdog.shutdownNow();
        client.close();
    }
}
