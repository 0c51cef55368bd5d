package io.trailwatch.collector.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.trailwatch.collector.config.CollectorConfig;
import io.trailwatch.collector.service.CollectorSource;
import io.trailwatch.collector.service.IntakeService;
import io.trailwatch.collector.service.KafkaUnavailableException;
import io.trailwatch.collector.service.ObjectHandler;
import io.trailwatch.collector.service.ObjectOutcome;
import io.trailwatch.collector.service.Reachability;
import io.trailwatch.collector.service.S3ObjectRef;
import io.trailwatch.contracts.RejectionReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Consumes S3 ObjectCreated notifications from one SQS queue. One message is one unit of work (S3 announces one
 * object per message): its objects are read and published, and the message is deleted only once Kafka acknowledged
 * every record of them (deletes go ten to a request, and a receive waits a moment for several slots to be free:
 * SQS bills per request). While an object is being read the message's visibility is extended at half-time, so a
 * large object is not handed to another replica. A message that fails is made visible again after the retry
 * delay; on its last allowed receive (the queue's redrive {@code maxReceiveCount}) its failure also goes to
 * {@code trailwatch.rejected}, and the queue's redrive policy then moves it to the dead-letter queue (without a
 * redrive policy the collector deletes it instead, after {@code max-receive-count} receives). A Kafka outage is
 * waited out holding the message, not counted against it. Replicas share a
 * queue without coordination: SQS hands each message to one of them at a time.
 */
public final class SqsNotificationSource implements CollectorSource {

    private static final Logger LOG = Logger.getLogger(SqsNotificationSource.class);
    private static final Duration KAFKA_PAUSE_MIN = Duration.ofSeconds(1);
    private static final Duration KAFKA_PAUSE_MAX = Duration.ofSeconds(60);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(5);
    /** How often messages waiting to be deleted are sent in a batch however few they are. */
    private static final Duration DELETE_FLUSH = Duration.ofMillis(100);
    /** How long a free slot waits for others to free, so that one receive fetches several messages. */
    private static final Duration RECEIVE_GATHER = Duration.ofMillis(25);

    private final String name;
    private final CollectorConfig.SqsSource config;
    private final SqsClient sqs;
    private final ObjectHandler objects;
    private final NotificationParser parser;
    private final IntakeService intake;
    private final ObjectMapper mapper;
    private final AutoCloseable clients;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Semaphore slots;
    private final int receiveBatch;
    private final BatchedDeletes deletes;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Reachability reachability;
    private final int visibilitySeconds;
    private final Counter received;
    private final Counter receiveRequests;
    private final Counter visibilityRequests;
    private final Counter returned;
    private final Counter extensions;
    private final Counter poison;
    private final Timer lag;
    private final AtomicInteger consecutiveKafkaFailures = new AtomicInteger();
    private volatile QueueSettings queue;
    private volatile long pausedUntil;
    private volatile boolean running;
    private Thread poller;

    /** What the queue itself says about giving up on messages. */
    private record QueueSettings(int maxReceiveCount, boolean deadLetterQueue) {
    }

    /** A received message being worked on. */
    private static final class InFlight {
        final Message message;
        final long sentAt;
        final int receiveCount;
        volatile long visibleAt;

        InFlight(Message message, long visibleAt) {
            this.message = message;
            this.sentAt = Long.parseLong(message.attributes().getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP,
                    String.valueOf(System.currentTimeMillis())));
            this.receiveCount = Integer.parseInt(message.attributes().getOrDefault(
                    MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
            this.visibleAt = visibleAt;
        }
    }

    /**
     * @param clients closed when the source stops (the SQS client and the clients behind {@code objects})
     */
    public SqsNotificationSource(String name, CollectorConfig.SqsSource config, SqsClient sqs, ObjectHandler objects,
                                 IntakeService intake, ObjectMapper mapper, MeterRegistry metrics,
                                 AutoCloseable clients) {
        if (config.maxObjectsInFlight() < 1) {
            throw new IllegalArgumentException("trailwatch.collector.sources.sqs." + name
                    + ".max-objects-in-flight must be at least 1, got " + config.maxObjectsInFlight());
        }
        this.name = name;
        this.config = config;
        this.sqs = sqs;
        this.objects = objects;
        this.parser = new NotificationParser(mapper);
        this.intake = intake;
        this.mapper = mapper;
        this.clients = clients;
        this.visibilitySeconds = (int) Math.max(1, Math.min(43_200, config.visibilityTimeout().toSeconds()));
        this.workers = Executors.newFixedThreadPool(config.maxObjectsInFlight(), threads("sqs-" + name + "-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(threads("sqs-" + name + "-visibility"));
        this.slots = new Semaphore(config.maxObjectsInFlight());
        // A quarter of the slots (up to SQS's ten): a receive per message would be a request per file.
        this.receiveBatch = Math.min(10, Math.max(1, config.maxObjectsInFlight() / 4));
        this.reachability = new Reachability(this::probe, Duration.ofSeconds(30));
        Tags tags = Tags.of("source", id());
        this.received = metrics.counter("trailwatch.sqs.messages.received", tags);
        this.receiveRequests = requests(metrics, tags, "ReceiveMessage");
        this.visibilityRequests = requests(metrics, tags, "ChangeMessageVisibility");
        this.deletes = new BatchedDeletes(id(), config.queueUrl(), sqs,
                metrics.counter("trailwatch.sqs.messages.deleted", tags),
                requests(metrics, tags, "DeleteMessageBatch"));
        this.returned = metrics.counter("trailwatch.sqs.messages.returned", tags);
        this.extensions = metrics.counter("trailwatch.sqs.visibility.extensions", tags);
        this.poison = metrics.counter("trailwatch.sqs.messages.poison", tags);
        this.lag = Timer.builder("trailwatch.sqs.notification.lag")
                .description("Time from a notification being sent to the queue until it is received")
                .tags(tags).register(metrics);
        Gauge.builder("trailwatch.sqs.messages.inflight", inFlight, Map::size).tags(tags)
                .description("Messages received and still being worked on (a finished one then waits up to 100 ms "
                        + "for its batched delete)").register(metrics);
        Gauge.builder("trailwatch.sqs.oldest.notification.age", this, SqsNotificationSource::oldestAgeSeconds)
                .tags(tags).baseUnit("seconds")
                .description("Age of the oldest notification being processed (since it was sent to the queue)")
                .register(metrics);
        this.pausedUntil = System.nanoTime();
    }

    private static Counter requests(MeterRegistry metrics, Tags tags, String operation) {
        return Counter.builder("trailwatch.sqs.requests").tags(tags).tag("operation", operation)
                .description("Requests made to the queue (SQS bills per request)").register(metrics);
    }

    @Override
    public String id() {
        return "sqs/" + name;
    }

    @Override
    public void start() {
        running = true;
        long period = Math.max(200, Math.min(1000, visibilitySeconds * 1000L / 4));
        timer.scheduleWithFixedDelay(this::extendVisibility, period, period, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(deletes::flush, DELETE_FLUSH.toMillis(), DELETE_FLUSH.toMillis(),
                TimeUnit.MILLISECONDS);
        poller = new Thread(this::pollLoop, "sqs-" + name + "-poller");
        poller.setDaemon(true);
        poller.start();
        LOG.infof("%s: consuming S3 notifications from %s (%d objects in flight, visibility %d s)", id(),
                config.queueUrl(), config.maxObjectsInFlight(), visibilitySeconds);
    }

    @Override
    public void stop(Duration grace) {
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%s: %d messages still in flight at shutdown; they become visible again after their "
                        + "visibility timeout", id(), inFlight.size());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        try {
            // A delete batch the timer is sending finishes before the clients close.
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deletes.flush();
        try {
            clients.close();
        } catch (Exception e) {
            LOG.debugf("%s: closing clients: %s", id(), e.getMessage());
        }
    }

    @Override
    public Reachability.Status reachability() {
        return reachability.current();
    }

    private String probe() {
        sqs.getQueueAttributes(b -> b.queueUrl(config.queueUrl()).attributeNames(QueueAttributeName.QUEUE_ARN));
        return "queue " + config.queueUrl() + " answers";
    }

    private void pollLoop() {
        while (running) {
            int permits = 0;
            try {
                if (queue == null) {
                    queue = readQueueSettings();
                }
                long pause = pausedUntil - System.nanoTime();
                if (pause > 0) {
                    Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(pause) + 1, 1000));
                    continue;
                }
                if (!slots.tryAcquire(1, TimeUnit.SECONDS)) {
                    continue;
                }
                permits = 1 + gatherSlots();
                int max = permits;
                receiveRequests.increment();
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(config.queueUrl())
                        .maxNumberOfMessages(max)
                        .waitTimeSeconds((int) Math.max(0, Math.min(20, config.waitTime().toSeconds())))
                        .visibilityTimeout(visibilitySeconds)
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                                MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
                reachability.succeeded("queue " + config.queueUrl() + " answers");
                slots.release(permits - messages.size());
                permits = 0;
                for (Message message : messages) {
                    dispatch(message);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (SdkException e) {
                if (!running) {
                    break;
                }
                reachability.failed("queue " + config.queueUrl() + ": " + e.getMessage());
                LOG.warnf("%s: cannot receive from %s (retrying in %d s): %s", id(), config.queueUrl(),
                        ERROR_PAUSE.toSeconds(), e.getMessage());
                pausedUntil = System.nanoTime() + ERROR_PAUSE.toNanos();
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: unexpected failure while receiving; retrying", id());
                pausedUntil = System.nanoTime() + ERROR_PAUSE.toNanos();
            } finally {
                if (permits > 0) {
                    slots.release(permits);
                }
            }
        }
    }

    /**
     * Takes more free slots, waiting up to {@link #RECEIVE_GATHER} until there are {@code receiveBatch} in all;
     * then any others free, up to ten messages per receive. Returns the slots taken.
     */
    private int gatherSlots() throws InterruptedException {
        int taken = 0;
        long deadline = System.nanoTime() + RECEIVE_GATHER.toNanos();
        try {
            while (1 + taken < receiveBatch) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !slots.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    break;
                }
                taken++;
            }
        } catch (InterruptedException e) {
            slots.release(taken);
            throw e;
        }
        int more = Math.min(9 - taken, slots.availablePermits());
        if (more > 0 && slots.tryAcquire(more)) {
            taken += more;
        }
        return taken;
    }

    private QueueSettings readQueueSettings() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(config.queueUrl())
                .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes();
        reachability.succeeded("queue " + config.queueUrl() + " answers");
        String redrive = attributes.get(QueueAttributeName.REDRIVE_POLICY);
        if (redrive != null && !redrive.isBlank()) {
            try {
                JsonNode policy = mapper.readTree(redrive);
                int max = policy.path("maxReceiveCount").asInt(0);
                if (max > 0) {
                    LOG.infof("%s: the queue moves a message to %s after %d receives", id(),
                            policy.path("deadLetterTargetArn").asText("its dead-letter queue"), max);
                    return new QueueSettings(max, true);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                LOG.warnf("%s: the queue's redrive policy is not JSON (%s); the collector deletes failing "
                        + "messages after %d receives", id(), redrive, config.maxReceiveCount());
            }
        } else {
            LOG.warnf("%s: the queue has no redrive policy (dead-letter queue); the collector deletes a failing "
                    + "message after %d receives and reports it to the rejected topic", id(), config.maxReceiveCount());
        }
        return new QueueSettings(Math.max(1, config.maxReceiveCount()), false);
    }

    private void dispatch(Message message) {
        received.increment();
        InFlight work = new InFlight(message, System.nanoTime() + TimeUnit.SECONDS.toNanos(visibilitySeconds));
        lag.record(Math.max(0, System.currentTimeMillis() - work.sentAt), TimeUnit.MILLISECONDS);
        inFlight.put(message.messageId(), work);
        try {
            workers.execute(() -> {
                try {
                    handle(work);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "%s: unexpected failure on message %s; it is retried", id(), message.messageId());
                    returned.increment();
                    changeVisibility(message, (int) Math.min(43_200, config.retryDelay().toSeconds()));
                } finally {
                    inFlight.remove(message.messageId());
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: let another replica (or the next start) have it now rather than after the timeout.
            inFlight.remove(message.messageId());
            slots.release();
            changeVisibility(message, 0);
        }
    }

    private void handle(InFlight work) {
        Message message = work.message;
        List<S3ObjectRef> announced;
        try {
            announced = parser.parse(message.body());
        } catch (NotificationParser.NotANotificationException e) {
            failed(work, List.of("message " + message.messageId() + " is not an S3 notification: " + e.getMessage()),
                    List.of(), false);
            return;
        }
        List<String> problems = new ArrayList<>();
        List<S3ObjectRef> failedObjects = new ArrayList<>();
        boolean kafkaDown = false;
        for (S3ObjectRef object : announced) {
            ObjectOutcome outcome = handleThroughKafkaOutage(object);
            if (!outcome.done()) {
                problems.add(outcome.problem());
                failedObjects.add(object);
                if (outcome.kafkaUnavailable()) {
                    kafkaDown = true;
                    break;
                }
            }
        }
        if (problems.isEmpty()) {
            delete(message);
        } else {
            failed(work, problems, failedObjects, kafkaDown);
        }
    }

    /**
     * Reads one object; while Kafka is unavailable, waits and reads it again, keeping the message (its visibility
     * is extended meanwhile). A Kafka outage is not the message's fault: giving the message back would spend one of
     * its receives per attempt, and a long outage would then move healthy messages to the dead-letter queue without
     * their rejection ever reaching Kafka. Held messages also hold their in-flight slots, so no new work is taken.
     * Only a stopping collector gives the message back.
     */
    private ObjectOutcome handleThroughKafkaOutage(S3ObjectRef object) {
        ObjectOutcome outcome = objects.handle(object);
        while (outcome.kafkaUnavailable() && running) {
            try {
                Thread.sleep(pauseForKafka(outcome.problem()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return outcome;
            }
            outcome = objects.handle(object);
        }
        if (!outcome.kafkaUnavailable()) {
            consecutiveKafkaFailures.set(0);
        }
        return outcome;
    }

    /** A message that could not be completed: give it back for a retry, or give up on its last receive. */
    private void failed(InFlight work, List<String> problems, List<S3ObjectRef> failedObjects, boolean kafkaDown) {
        Message message = work.message;
        QueueSettings settings = queue;
        if (!kafkaDown && settings != null && work.receiveCount >= settings.maxReceiveCount()) {
            poison.increment();
            String fate = settings.deadLetterQueue() ? "the queue's redrive policy moves it to the dead-letter queue"
                    : "the collector deletes it (the queue has no dead-letter queue)";
            String detail = "gave up on SQS message " + message.messageId() + " after " + work.receiveCount
                    + " receives (" + fate + "): " + String.join("; ", problems);
            LOG.warnf("%s: %s", id(), detail);
            try {
                if (failedObjects.isEmpty()) {
                    intake.rejectMessage("sqs:" + config.queueUrl() + "#" + message.messageId(),
                            RejectionReason.POISON_MESSAGE, detail, message.body());
                } else {
                    for (S3ObjectRef object : failedObjects) {
                        intake.reject(object.source(), RejectionReason.POISON_MESSAGE, detail);
                    }
                }
            } catch (KafkaUnavailableException e) {
                LOG.errorf("%s: could not report the poison message %s to Kafka: %s", id(), message.messageId(),
                        e.getMessage());
            }
            if (settings.deadLetterQueue()) {
                changeVisibility(message, 0);
            } else {
                delete(message);
            }
            return;
        }
        returned.increment();
        LOG.warnf("%s: message %s (receive %d) failed, retrying in %d s: %s", id(), message.messageId(),
                work.receiveCount, config.retryDelay().toSeconds(), String.join("; ", problems));
        changeVisibility(message, (int) Math.min(43_200, config.retryDelay().toSeconds()));
    }

    /** Stops receiving for a while (longer after each consecutive failure); returns the pause in milliseconds. */
    private long pauseForKafka(String problem) {
        int failures = consecutiveKafkaFailures.incrementAndGet();
        long pause = Math.min(KAFKA_PAUSE_MAX.toMillis(), KAFKA_PAUSE_MIN.toMillis() << Math.min(16, failures - 1));
        pausedUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause);
        LOG.warnf("%s: Kafka is unavailable, holding the messages in flight and not receiving for %d ms: %s", id(),
                pause, problem);
        return pause;
    }

    private void delete(Message message) {
        deletes.add(message);
    }

    private void changeVisibility(Message message, int seconds) {
        try {
            visibilityRequests.increment();
            sqs.changeMessageVisibility(b -> b.queueUrl(config.queueUrl()).receiptHandle(message.receiptHandle())
                    .visibilityTimeout(seconds));
        } catch (SdkException e) {
            LOG.warnf("%s: cannot change the visibility of message %s: %s", id(), message.messageId(), e.getMessage());
        }
    }

    /** Pushes back the visibility timeout of messages past half of it, so no other consumer receives them. */
    private void extendVisibility() {
        long now = System.nanoTime();
        long half = TimeUnit.SECONDS.toNanos(visibilitySeconds) / 2;
        for (InFlight work : inFlight.values()) {
            if (work.visibleAt - now < half) {
                try {
                    visibilityRequests.increment();
                    sqs.changeMessageVisibility(b -> b.queueUrl(config.queueUrl())
                            .receiptHandle(work.message.receiptHandle()).visibilityTimeout(visibilitySeconds));
                    work.visibleAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(visibilitySeconds);
                    extensions.increment();
                } catch (SdkException e) {
                    LOG.warnf("%s: cannot extend the visibility of message %s: %s", id(),
                            work.message.messageId(), e.getMessage());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "%s: unexpected failure while extending visibility", id());
                }
            }
        }
    }

    private double oldestAgeSeconds() {
        long now = System.currentTimeMillis();
        long oldest = 0;
        for (InFlight work : inFlight.values()) {
            oldest = Math.max(oldest, now - work.sentAt);
        }
        return oldest / 1000.0;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
