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
     * One consumer, and two batches stored at a time on the "event-writers" pool (max-concurrency 2 in
     * application.properties): one batch is parsed while the other is in PostgreSQL, which took the 300,000-event
     * ingestion benchmark from 7,040 to 9,159-10,103 events/s. The connector commits an offset only once every batch
     * before it is stored, so completing out of order loses nothing, and storing is idempotent. (Two consumers merged
     * into the channel, {@code partitions=2}, let the merge prefetch about the whole backlog: 168,000 records and a
     * full 512 MB heap after a restart with 200,000 events waiting.)
     */
    @Incoming("events")
    @io.smallrye.reactive.messaging.annotations.Blocking(value = "event-writers", ordered = false)
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
