package io.trailwatch.query.messaging;

import io.smallrye.common.annotation.Blocking;
import io.trailwatch.common.messaging.RetryUntilDone;
import io.trailwatch.query.service.IngestionService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores what the platform's topics carry. A batch is acknowledged (and its offsets become committable) only after
 * its database transaction committed, so a crash re-delivers instead of losing; storing is idempotent, so
 * re-delivery never duplicates.
 */
@ApplicationScoped
public class EventConsumer {

    private final IngestionService ingestion;

    public EventConsumer(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    /**
     * One batch at a time per consumer, in order; {@code partitions=2} runs two consumers, so the database works on
     * one batch while the next is parsed. (Unordered blocking would let the connector fetch far ahead of the
     * database: with a backlog it filled a 512 MB heap with waiting batches.)
     */
    @Incoming("events")
    @Blocking
    public void events(List<String> records) throws InterruptedException {
        RetryUntilDone.run("storing " + records.size() + " events", () -> ingestion.storeEvents(records));
    }

    @Incoming("findings")
    @Blocking
    public void findings(List<String> findings) throws InterruptedException {
        RetryUntilDone.run("storing " + findings.size() + " findings", () -> ingestion.storeFindings(findings));
    }

    @Incoming("metrics")
    @Blocking
    public void seriesPoints(List<String> points) throws InterruptedException {
        RetryUntilDone.run("storing " + points.size() + " series points", () -> ingestion.storeSeriesPoints(points));
    }

    @Incoming("rejected")
    @Blocking
    public void rejections(List<String> rejections) throws InterruptedException {
        RetryUntilDone.run("storing " + rejections.size() + " rejections",
                () -> ingestion.storeRejections(rejections));
    }
}
