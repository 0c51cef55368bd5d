package io.trailwatch.collector.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trailwatch.collector.config.CollectorConfig;
import io.trailwatch.collector.messaging.EventPublisher;
import io.trailwatch.contracts.Rejection;
import io.trailwatch.contracts.RejectionReason;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.zip.GZIPInputStream;

/**
 * Reads one CloudTrail log file (plain or gzip), publishes its good records and rejects the bad ones, within the
 * configured bounds. Records are published in batches as the file streams by, so memory stays bounded by a few
 * batches (and the producer's buffer), not by the file. Records whose eventID was published recently are dropped
 * as duplicates; an eventID counts as published only once Kafka acknowledged it, so a retried file is never
 * mistaken for a duplicate of its own failed attempt.
 */
@ApplicationScoped
public class IntakeService {

    private static final int PUBLISH_BATCH = 2_000;
    private static final int BATCHES_IN_FLIGHT = 4;
    private static final int REJECTIONS_IN_FLIGHT = 256;
    private static final String SERVICE = "collector-service";

    private final CollectorConfig config;
    private final RecordValidator validator;
    private final EventPublisher publisher;
    private final MeterRegistry metrics;
    private final RecentEventIds recent;
    private final Timer publishLatency;

    public IntakeService(CollectorConfig config, RecordValidator validator, EventPublisher publisher,
                         MeterRegistry metrics) {
        this.config = config;
        this.validator = validator;
        this.publisher = publisher;
        this.metrics = metrics;
        this.recent = new RecentEventIds(config.dedup().capacity());
        this.publishLatency = Timer.builder("trailwatch.intake.publish.latency")
                .description("Time from handing a batch of records to Kafka until every record is acknowledged")
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
    }

    /** {@link #ingest(InputStream, String, boolean, boolean)} for a file that is not known to hold Insights. */
    public IntakeResult ingest(InputStream input, String source, boolean gzip) {
        return ingest(input, source, gzip, false);
    }

    /**
     * Reads {@code input} to the end. Returns when Kafka acknowledged every published record.
     *
     * @param source where the input came from, carried on every record and rejection
     * @param gzip true when the input is known to be gzip; otherwise gzip is recognised by its magic bytes
     * @param insightFile true for a file under {@code CloudTrail-Insight/}: every record is an Insights record
     * @throws InputRejectedException when the input as a whole is not a readable CloudTrail file (records before
     *                                the point of failure have been published; the rejection has been sent)
     * @throws KafkaUnavailableException when Kafka did not acknowledge; the input must be retried
     */
    public IntakeResult ingest(InputStream input, String source, boolean gzip, boolean insightFile) {
        CollectorConfig.Limits limits = config.limits();
        BoundedInputStream raw = BoundedInputStream.raw(input, limits.maxObjectBytes());
        Batch batch = new Batch(source, insightFile);
        try {
            InputStream decoded = decode(raw, gzip, limits);
            new CloudTrailFileSplitter(decoded, limits.maxRecordBytes(), limits.maxRecordsPerFile())
                    .split(batch::accept);
            batch.flush();
            metrics.counter("trailwatch.intake.files", "source", sourceType(source), "outcome", "accepted").increment();
            metrics.counter("trailwatch.intake.bytes", "source", sourceType(source)).increment(raw.count());
            return batch.result();
        } catch (InputRejectedException e) {
            batch.flush();
            metrics.counter("trailwatch.intake.bytes", "source", sourceType(source)).increment(raw.count());
            reject(source, e.reason(), e.getMessage());
            String published = batch.published == 0 ? "" : " (the " + batch.published
                    + " records before that point were accepted)";
            throw new InputRejectedException(e.reason(), e.getMessage() + published);
        }
    }

    /** Rejects a whole input without reading it (e.g. an object too large or unreadable); waits for Kafka. */
    public void reject(String source, RejectionReason reason, String message) {
        if (reason != RejectionReason.POISON_MESSAGE) {
            metrics.counter("trailwatch.intake.files", "source", sourceType(source), "outcome", "rejected")
                    .increment();
        }
        await(sendRejection(source, reason, message, null, null));
    }

    /** Rejects a notification or message that is not an input file, with a sample of it; waits for Kafka. */
    public void rejectMessage(String source, RejectionReason reason, String message, String sample) {
        await(sendRejection(source, reason, message, null, sample == null ? null
                : sample.getBytes(StandardCharsets.UTF_8)));
    }

    /** Counts an object that is deliberately not read (digest files, other services' logs). */
    public void skipped(String source, String kind) {
        metrics.counter("trailwatch.intake.skipped", "source", sourceType(source), "kind", kind).increment();
    }

    private CompletableFuture<Void> sendRejection(String source, RejectionReason reason, String message,
                                                  Integer index, byte[] sample) {
        metrics.counter("trailwatch.intake.rejected", "reason", reason.code()).increment();
        Rejection rejection = new Rejection(source, reason, message, index, null,
                sample == null ? null : Rejection.sample(new String(sample, 0,
                        Math.min(sample.length, Rejection.MAX_SAMPLE_CHARS * 4), StandardCharsets.UTF_8)),
                SERVICE, Instant.now());
        return publisher.reject(rejection);
    }

    private static InputStream decode(BoundedInputStream raw, boolean gzip, CollectorConfig.Limits limits) {
        BufferedInputStream buffered = new BufferedInputStream(raw, 65_536);
        try {
            buffered.mark(2);
            int b1 = buffered.read();
            int b2 = buffered.read();
            buffered.reset();
            boolean magic = b1 == 0x1f && b2 == 0x8b;
            if (gzip && !magic) {
                throw new InputRejectedException(RejectionReason.BAD_GZIP,
                        "input was declared gzip (Content-Encoding or .gz) but is not gzip data");
            }
            if (!magic) {
                return buffered;
            }
            return BoundedInputStream.decompressed(new GZIPInputStream(buffered, 65_536),
                    limits.maxDecompressedBytes(), raw, limits.maxCompressionRatio());
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new InputRejectedException(RejectionReason.BAD_GZIP, "corrupt gzip header: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read input", e);
        }
    }

    private static String sourceType(String source) {
        int colon = source.indexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }

    private static void await(CompletableFuture<Void> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Collects valid records and publishes them in batches; counts and describes the refused ones. */
    private final class Batch {
        private final String source;
        private final boolean insightFile;
        private final List<CloudTrailRecord> pending = new ArrayList<>(PUBLISH_BATCH);
        private final long[] pendingHashes = new long[PUBLISH_BATCH];
        private final Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
        private final Deque<CompletableFuture<Void>> rejections = new ArrayDeque<>();
        private final List<IntakeResult.RecordProblem> problems = new ArrayList<>();
        private int published;
        private int rejected;
        private int duplicates;

        Batch(String source, boolean insightFile) {
            this.source = source;
            this.insightFile = insightFile;
        }

        void accept(int index, byte[] json, int size, ScannedRecord scanned) {
            if (json == null) {
                refuse(index, RejectionReason.RECORD_TOO_LARGE, "record " + index + " is " + size
                        + " bytes, larger than the limit of " + config.limits().maxRecordBytes(), null);
                return;
            }
            RecordValidator.Result result = validator.validate(json, scanned);
            if (result.problem() != null) {
                refuse(index, result.problem().reason(), "record " + index + ": " + result.problem().message(), json);
                return;
            }
            CloudTrailRecord record = result.record();
            pendingHashes[pending.size()] = RecentEventIds.hash(record.eventID());
            pending.add(insightFile && !record.insight()
                    ? new CloudTrailRecord(record.json(), record.eventID(), record.accountId(), true) : record);
            if (pending.size() == PUBLISH_BATCH) {
                send();
            }
        }

        private void refuse(int index, RejectionReason reason, String message, byte[] sample) {
            rejected++;
            if (problems.size() < IntakeResult.MAX_PROBLEMS) {
                problems.add(new IntakeResult.RecordProblem(index, reason.code(), message));
            }
            rejections.add(sendRejection(source, reason, message, index, sample));
            if (rejections.size() >= REJECTIONS_IN_FLIGHT) {
                await(rejections.poll());
            }
        }

        /** Drops the pending records published recently and sends the rest. */
        private void send() {
            boolean[] known = recent.containsEach(pendingHashes, pending.size());
            List<CloudTrailRecord> fresh = new ArrayList<>(pending.size());
            for (int i = 0; i < known.length; i++) {
                if (known[i]) {
                    duplicates++;
                } else {
                    pendingHashes[fresh.size()] = pendingHashes[i];
                    fresh.add(pending.get(i));
                }
            }
            pending.clear();
            if (fresh.isEmpty()) {
                return;
            }
            long[] freshHashes = Arrays.copyOf(pendingHashes, fresh.size());
            long started = System.nanoTime();
            CompletableFuture<Void> acked = publisher.publish(fresh, source);
            inFlight.add(acked.thenRun(() -> {
                publishLatency.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
                recent.addAll(freshHashes);
            }));
            published += fresh.size();
            metrics.counter("trailwatch.intake.records", "source", sourceType(source)).increment(fresh.size());
            // Bound memory: never more than a few batches waiting for acknowledgement.
            if (inFlight.size() >= BATCHES_IN_FLIGHT) {
                await(inFlight.poll());
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                send();
            }
            while (!inFlight.isEmpty()) {
                await(inFlight.poll());
            }
            while (!rejections.isEmpty()) {
                await(rejections.poll());
            }
            if (duplicates > 0) {
                metrics.counter("trailwatch.intake.duplicates", "source", sourceType(source)).increment(duplicates);
            }
        }

        IntakeResult result() {
            return new IntakeResult(published, rejected, duplicates, List.copyOf(problems));
        }
    }
}
