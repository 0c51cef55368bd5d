package io.trailwatch.collector.service;

import io.trailwatch.collector.config.CollectorConfig;
import io.trailwatch.contracts.RejectionReason;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Streams one S3 object through {@link IntakeService}: digests and other services' logs are skipped, Insights
 * files are marked as such, and each failure is sorted into "done" (the object is bad and was rejected, or is
 * gone) and "try again" (the network, S3 or Kafka failed, or access is denied, which an operator may fix).
 */
public final class S3ObjectReader implements ObjectHandler {

    private static final Logger LOG = Logger.getLogger(S3ObjectReader.class);

    private final S3Client s3;
    private final IntakeService intake;
    private final CollectorConfig.Limits limits;

    public S3ObjectReader(S3Client s3, IntakeService intake, CollectorConfig.Limits limits) {
        this.s3 = s3;
        this.intake = intake;
        this.limits = limits;
    }

    @Override
    public ObjectOutcome handle(S3ObjectRef object) {
        String source = object.source();
        ObjectKind kind = ObjectKind.of(object.key());
        try {
            if (kind == ObjectKind.DIGEST || kind == ObjectKind.OTHER_SERVICE) {
                intake.skipped(source, kind.tag());
                return ObjectOutcome.DONE;
            }
            if (object.size() > limits.maxObjectBytes()) {
                intake.reject(source, RejectionReason.OBJECT_TOO_LARGE, "object is " + object.size()
                        + " bytes, larger than the limit of " + limits.maxObjectBytes() + " bytes; not read");
                return ObjectOutcome.DONE;
            }
            return read(object, kind);
        } catch (KafkaUnavailableException e) {
            return ObjectOutcome.kafkaDown(e.getMessage());
        }
    }

    private ObjectOutcome read(S3ObjectRef object, ObjectKind kind) {
        String source = object.source();
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = s3.getObject(b -> b.bucket(object.bucket()).key(object.key()));
        } catch (NoSuchKeyException e) {
            intake.reject(source, RejectionReason.UNREADABLE, "object does not exist (deleted before it was read?)");
            return ObjectOutcome.DONE;
        } catch (SdkException e) {
            return ObjectOutcome.retry("cannot read " + source + ": " + describe(e));
        }
        boolean complete = false;
        try {
            intake.ingest(in, source, object.key().endsWith(".gz"), kind == ObjectKind.INSIGHT);
            complete = true;
            return ObjectOutcome.DONE;
        } catch (InputRejectedException e) {
            LOG.debugf("rejected %s: %s", source, e.getMessage());
            return ObjectOutcome.DONE;
        } catch (UncheckedIOException | SdkException e) {
            return ObjectOutcome.retry("reading " + source + " failed: " + e.getMessage());
        } finally {
            if (!complete) {
                // Unread bytes of a rejected or failed object are not worth draining: drop the connection.
                in.abort();
            }
            try {
                in.close();
            } catch (java.io.IOException | UncheckedIOException e) {
                LOG.debugf("closing %s: %s", source, e.getMessage());
            }
        }
    }

    static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ") "
                    + service.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
