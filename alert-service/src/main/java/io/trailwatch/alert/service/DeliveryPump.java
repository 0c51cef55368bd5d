package io.trailwatch.alert.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.trailwatch.alert.config.AlertConfig;
import io.trailwatch.alert.repository.DeliveryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Drives delivery: flushes due groups, then claims due deliveries per channel, at most {@code channel-concurrency}
 * in flight per channel, and hands them to sender threads. It runs when woken (new findings, a finished delivery,
 * a resolution) and at least every sender interval. A slow or dead receiver only ever holds its own channel's
 * slots; database transactions never span a request to a receiver.
 */
@ApplicationScoped
public class DeliveryPump {

    private static final Logger LOG = Logger.getLogger(DeliveryPump.class);
    private static final int FLUSH_BATCH = 200;

    /** In-flight count and circuit of one channel. */
    private static final class ChannelSlots {
        final AtomicInteger inFlight = new AtomicInteger();
        final CircuitBreaker circuit;

        ChannelSlots(CircuitBreaker circuit) {
            this.circuit = circuit;
        }
    }

    private final GroupFlusher flusher;
    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;
    private final ChannelDirectory directory;
    private final AlertConfig config;
    private final MeterRegistry metrics;
    private final Map<String, ChannelSlots> slots = new ConcurrentHashMap<>();
    private final Set<String> dirtyChannels = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private final AtomicInteger senderThreads = new AtomicInteger();
    private final ExecutorService senders = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "alert-sender-" + senderThreads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    public DeliveryPump(GroupFlusher flusher, DeliveryStore deliveries, DeliveryWorker worker,
                        ChannelDirectory directory, AlertConfig config, MeterRegistry metrics) {
        this.metrics = metrics;
        this.flusher = flusher;
        this.deliveries = deliveries;
        this.worker = worker;
        this.directory = directory;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "alert-pump");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(5000);
        }
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Asks for a pass as soon as possible. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        long lastSweep = 0;
        while (running) {
            boolean signalled = awaitSignal();
            if (!running) {
                return;
            }
            try {
                boolean sweep = !signalled || System.nanoTime() - lastSweep >= config.senderInterval().toNanos();
                Set<String> channels = new HashSet<>(flush());
                if (sweep) {
                    directory.refresh();
                    channels.addAll(directory.names());
                    lastSweep = System.nanoTime();
                }
                channels.addAll(drainDirty());
                for (String channel : channels) {
                    dispatch(channel);
                }
            } catch (RuntimeException e) {
                LOG.warnf("sender pass failed, retrying in %s: %s", config.senderInterval(), e.getMessage());
                sleep(config.senderInterval());
            }
        }
    }

    private boolean awaitSignal() {
        synchronized (signal) {
            if (!woken) {
                try {
                    signal.wait(Math.max(1, config.senderInterval().toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            boolean was = woken;
            woken = false;
            return was;
        }
    }

    private Set<String> flush() {
        Set<String> touched = new HashSet<>();
        for (int pass = 0; pass < 50; pass++) {
            GroupFlusher.Result result = flusher.flushDue(FLUSH_BATCH);
            touched.addAll(result.channels());
            if (result.groups() < FLUSH_BATCH) {
                break;
            }
        }
        return touched;
    }

    private Set<String> drainDirty() {
        Set<String> drained = new HashSet<>();
        for (String channel : List.copyOf(dirtyChannels)) {
            dirtyChannels.remove(channel);
            drained.add(channel);
        }
        return drained;
    }

    private void dispatch(String channel) {
        if (directory.get(channel).isEmpty()) {
            directory.refresh();
        }
        ChannelSlots s = slots.computeIfAbsent(channel, this::newSlots);
        int free = config.channelConcurrency() - s.inFlight.get();
        if (free <= 0) {
            return;
        }
        Duration lease = config.deliveryLease();
        List<DeliveryStore.Claimed> claimed = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.claim(channel, free, lease, Instant.now()));
        for (DeliveryStore.Claimed delivery : claimed) {
            s.inFlight.incrementAndGet();
            senders.execute(() -> {
                try {
                    worker.deliver(delivery, s.circuit);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "delivery %d to %s could not be processed", delivery.id(), channel);
                } finally {
                    s.inFlight.decrementAndGet();
                    dirtyChannels.add(channel);
                    wake();
                }
            });
        }
    }

    private ChannelSlots newSlots(String channel) {
        ChannelSlots s = new ChannelSlots(new CircuitBreaker(config.circuit().failureThreshold(),
                config.circuit().openFor()));
        Gauge.builder("trailwatch.alert.circuit.open", s, x -> x.circuit.isOpen(Instant.now()) ? 1 : 0)
                .description("1 while the channel's circuit breaker holds requests back").tag("channel", channel)
                .register(metrics);
        Gauge.builder("trailwatch.alert.channel.in.flight", s, x -> x.inFlight.get())
                .description("Requests to the channel's receiver in flight").tag("channel", channel).register(metrics);
        return s;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
