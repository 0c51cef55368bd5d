package io.trailwatch.collector.service;

import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.zip.GZIPInputStream;

/**
 * Reads one CloudTrail log file (plain or gzip), publishes its good records and rejects the bad ones, within the
 * configured bounds. Records are published in batches as the file streams by, so memory stays bounded by the
 * batch, not the file.
 */
@ApplicationScoped
public class IntakeService {

    private static final int PUBLISH_BATCH = 2_000;
    private static final String SERVICE = "collector-service";

    private final CollectorConfig config;
    private final RecordValidator validator;
    private final EventPublisher publisher;
    private final MeterRegistry metrics;

    public IntakeService(CollectorConfig config, RecordValidator validator, EventPublisher publisher,
                         MeterRegistry metrics) {
        this.config = config;
        this.validator = validator;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /**
     * Reads {@code input} to the end. Returns when Kafka acknowledged every published record.
     *
     * @param source where the input came from, carried on every record and rejection
     * @param gzip true when the input is known to be gzip; otherwise gzip is recognised by its magic bytes
     * @throws InputRejectedException when the input as a whole is not a readable CloudTrail file (records before
     *                                the point of failure have been published)
     */
    public IntakeResult ingest(InputStream input, String source, boolean gzip) {
        CollectorConfig.Limits limits = config.limits();
        BoundedInputStream raw = BoundedInputStream.raw(input, limits.maxObjectBytes());
        Batch batch = new Batch(source);
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
            metrics.counter("trailwatch.intake.files", "source", sourceType(source), "outcome", "rejected").increment();
            reject(source, e.reason(), e.getMessage(), null, null);
            String published = batch.published == 0 ? "" : " (the " + batch.published
                    + " records before that point were accepted)";
            throw new InputRejectedException(e.reason(), e.getMessage() + published);
        }
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

    private void reject(String source, RejectionReason reason, String message, Integer index, byte[] sample) {
        metrics.counter("trailwatch.intake.rejected", "reason", reason.code()).increment();
        Rejection rejection = new Rejection(source, reason, message, index, null,
                sample == null ? null : Rejection.sample(new String(sample, 0,
                        Math.min(sample.length, Rejection.MAX_SAMPLE_CHARS * 4), StandardCharsets.UTF_8)),
                SERVICE, Instant.now());
        await(publisher.reject(rejection));
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
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Collects valid records and publishes them in batches; counts and describes the refused ones. */
    private final class Batch {
        private final String source;
        private final List<CloudTrailRecord> pending = new ArrayList<>(PUBLISH_BATCH);
        private final List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        private final List<IntakeResult.RecordProblem> problems = new ArrayList<>();
        private int published;
        private int rejected;

        Batch(String source) {
            this.source = source;
        }

        void accept(int index, byte[] json, int size) {
            if (json == null) {
                refuse(index, RejectionReason.RECORD_TOO_LARGE, "record " + index + " is " + size
                        + " bytes, larger than the limit of " + config.limits().maxRecordBytes(), null);
                return;
            }
            RecordValidator.Result result = validator.validate(json);
            if (result.problem() != null) {
                refuse(index, result.problem().reason(), "record " + index + ": " + result.problem().message(), json);
                return;
            }
            pending.add(result.record());
            if (pending.size() == PUBLISH_BATCH) {
                send();
            }
        }

        private void refuse(int index, RejectionReason reason, String message, byte[] sample) {
            rejected++;
            if (problems.size() < IntakeResult.MAX_PROBLEMS) {
                problems.add(new IntakeResult.RecordProblem(index, reason.code(), message));
            }
            reject(source, reason, message, index, sample);
        }

        private void send() {
            inFlight.add(publisher.publish(List.copyOf(pending), source));
            published += pending.size();
            metrics.counter("trailwatch.intake.records", "source", sourceType(source)).increment(pending.size());
            pending.clear();
            // Bound memory: never more than a few batches waiting for acknowledgement.
            if (inFlight.size() >= 4) {
                await(inFlight.remove(0));
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                send();
            }
            for (CompletableFuture<Void> future : inFlight) {
                await(future);
            }
            inFlight.clear();
        }

        IntakeResult result() {
            return new IntakeResult(published, rejected, List.copyOf(problems));
        }
    }
}
