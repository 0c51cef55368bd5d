package io.trailwatch.collector.messaging;

import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Deletes finished messages ten to a DeleteMessageBatch request instead of one request each: SQS bills per request,
 * and a busy collector finishes dozens of files a second. The tenth message sends its batch at once; fewer wait for
 * {@link #flush}, which the source calls a few times a second and on stopping. Every message here has all its
 * records acknowledged by Kafka, so a late or failed delete costs only a second reading of its file after the
 * visibility timeout (the duplicates are dropped by eventID).
 */
final class BatchedDeletes {

    static final int MAX_BATCH = 10;
    private static final Logger LOG = Logger.getLogger(BatchedDeletes.class);

    private final String sourceId;
    private final String queueUrl;
    private final SqsClient sqs;
    private final Counter deleted;
    private final Counter requests;
    private final List<Message> pending = new ArrayList<>();

    BatchedDeletes(String sourceId, String queueUrl, SqsClient sqs, Counter deleted, Counter requests) {
        this.sourceId = sourceId;
        this.queueUrl = queueUrl;
        this.sqs = sqs;
        this.deleted = deleted;
        this.requests = requests;
    }

    void add(Message message) {
        List<Message> full = null;
        synchronized (this) {
            pending.add(message);
            if (pending.size() >= MAX_BATCH) {
                full = take();
            }
        }
        if (full != null) {
            send(full);
        }
    }

    /** Deletes every message waiting. */
    void flush() {
        while (true) {
            List<Message> batch;
            synchronized (this) {
                batch = take();
            }
            if (batch.isEmpty()) {
                return;
            }
            send(batch);
        }
    }

    private List<Message> take() {
        List<Message> head = pending.subList(0, Math.min(MAX_BATCH, pending.size()));
        List<Message> batch = new ArrayList<>(head);
        head.clear();
        return batch;
    }

    private void send(List<Message> batch) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(i))
                    .receiptHandle(batch.get(i).receiptHandle()).build());
        }
        try {
            requests.increment();
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            deleted.increment(response.successful().size());
            for (BatchResultErrorEntry error : response.failed()) {
                LOG.warnf("%s: cannot delete message %s: %s %s", sourceId, messageId(batch, error.id()),
                        error.code(), error.message());
            }
        } catch (SdkException e) {
            LOG.warnf("%s: cannot delete messages %s: %s", sourceId,
                    String.join(", ", batch.stream().map(Message::messageId).toList()), e.getMessage());
        }
    }

    private static String messageId(List<Message> batch, String entryId) {
        try {
            return batch.get(Integer.parseInt(entryId)).messageId();
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return "(batch entry " + entryId + ")";
        }
    }
}
