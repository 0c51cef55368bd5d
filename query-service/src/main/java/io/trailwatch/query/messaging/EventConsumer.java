package io.trailwatch.query.messaging;

import io.smallrye.common.annotation.Blocking;
import io.trailwatch.query.service.IngestionService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.ToIntFunction;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores events and findings as they arrive. A batch is acknowledged (and its offsets become committable) only
 * after its database transaction committed, so a crash re-delivers instead of losing. While the database is
 * unavailable the batch is retried with backoff instead of failing the channel for good.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final IngestionService ingestion;

    public EventConsumer(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    @Incoming("events")
    @Blocking
    public void events(List<String> records) throws InterruptedException {
        storeWithRetry("events", records, ingestion::storeEvents);
    }

    @Incoming("findings")
    @Blocking
    public void findings(List<String> findings) throws InterruptedException {
        storeWithRetry("findings", findings, ingestion::storeFindings);
    }

    private static void storeWithRetry(String kind, List<String> batch, ToIntFunction<List<String>> store)
            throws InterruptedException {
        long backoff = 500;
        for (int attempt = 1; ; attempt++) {
            try {
                store.applyAsInt(batch);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("storing %d %s failed (attempt %d), retrying in %d ms: %s", batch.size(), kind, attempt,
                        backoff, e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }
}
