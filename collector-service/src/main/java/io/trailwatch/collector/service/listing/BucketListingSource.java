package io.trailwatch.collector.service.listing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.trailwatch.collector.config.CollectorConfig;
import io.trailwatch.collector.messaging.CheckpointTopic;
import io.trailwatch.collector.messaging.EventPublisher;
import io.trailwatch.collector.service.CollectorSource;
import io.trailwatch.collector.service.ObjectHandler;
import io.trailwatch.collector.service.ObjectOutcome;
import io.trailwatch.collector.service.Reachability;
import io.trailwatch.collector.service.S3ObjectRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists one bucket for CloudTrail files every {@code interval}, prefix by prefix (account × region, see
 * {@link PrefixDiscovery}), and remembers per prefix how far it got (see {@link PrefixProgress}) in a compacted
 * Kafka topic, so the collector needs no database and a restart resumes where it stopped.
 *
 * <p>Sharing the work between replicas: each prefix belongs to one partition of the checkpoint topic (the
 * partition its checkpoint key hashes to, as Kafka's default partitioner would place it), and the replicas of a
 * source form one Kafka consumer group over that topic. A replica lists only the prefixes of the partitions the
 * group assigned to it, so no two replicas read the same prefix. On assignment it first reads its partitions from
 * the beginning to their end to learn their checkpoints, and only then starts listing. When partitions are taken
 * away (a replica joins or leaves), the rebalance waits until the prefixes being read stop after their current
 * object and their checkpoints are flushed to Kafka; only then can the new owner read them. A replica cut off from
 * Kafka long enough to lose its partitions may finish one object the new owner reads again: a duplicate, never a
 * loss.
 *
 * <p>Checkpoints advance only after Kafka acknowledged every record of an object, so a crash at any point means
 * reading some objects again, never skipping one.
 */
public final class BucketListingSource implements CollectorSource {

    private static final Logger LOG = Logger.getLogger(BucketListingSource.class);
    private static final int MAX_RECENT_KEYS = 2_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final String name;
    private final CollectorConfig.S3Source config;
    private final S3Client s3;
    private final ObjectHandler objects;
    private final EventPublisher publisher;
    private final Map<String, Object> kafkaConfig;
    private final CollectorConfig.Checkpoints checkpointSettings;
    private final String topic;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;
    private final AutoCloseable clients;
    private final Clock clock;
    private final PrefixDiscovery discovery;
    private final Reachability reachability;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final Map<String, ListingCheckpoint> checkpoints = new ConcurrentHashMap<>();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Map<String, PrefixJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lagSeconds = new ConcurrentHashMap<>();
    private final Counter objectsListed;
    private final Counter forcedSettles;
    private volatile int partitions;
    private volatile boolean running;
    private volatile long pausedUntil;
    private Thread consumerThread;
    private KafkaConsumer<String, byte[]> consumer;

    /** One prefix being read by a worker. */
    private final class PrefixJob implements Runnable {
        final LogPrefix prefix;
        final String key;
        final int partition;
        final CountDownLatch finished = new CountDownLatch(1);

        PrefixJob(LogPrefix prefix, String key, int partition) {
            this.prefix = prefix;
            this.key = key;
            this.partition = partition;
        }

        @Override
        public void run() {
            try {
                readPrefix(this);
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: unexpected failure while reading %s; retrying at the next listing", id(),
                        prefix.prefix());
            } finally {
                jobs.remove(key, this);
                finished.countDown();
            }
        }
    }

    /**
     * @param kafkaConfig the Kafka client settings (bootstrap servers, security) for the checkpoint consumer
     * @param checkpoints the checkpoint topic, created on start when missing
     * @param clients closed when the source stops
     */
    public BucketListingSource(String name, CollectorConfig.S3Source config, S3Client s3, ObjectHandler objects,
                               EventPublisher publisher, Map<String, Object> kafkaConfig,
                               CollectorConfig.Checkpoints checkpoints,
                               ObjectMapper mapper, MeterRegistry metrics, AutoCloseable clients, Clock clock) {
        if (config.concurrency() < 1) {
            throw new IllegalArgumentException("trailwatch.collector.sources.s3." + name
                    + ".concurrency must be at least 1, got " + config.concurrency());
        }
        this.name = name;
        this.config = config;
        this.s3 = s3;
        this.objects = objects;
        this.publisher = publisher;
        this.kafkaConfig = kafkaConfig;
        this.checkpointSettings = checkpoints;
        this.topic = checkpoints.topic();
        this.mapper = mapper;
        this.metrics = metrics;
        this.clients = clients;
        this.clock = clock;
        this.discovery = new PrefixDiscovery(s3, config.bucket(), config.prefix().orElse(""), config.accounts(),
                config.regions());
        this.reachability = new Reachability(this::probe, Duration.ofSeconds(30));
        this.workers = Executors.newFixedThreadPool(config.concurrency(), threads("s3-" + name + "-worker"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(threads("s3-" + name + "-listing"));
        this.objectsListed = metrics.counter("trailwatch.listing.objects.read", "source", id());
        this.forcedSettles = metrics.counter("trailwatch.listing.forced.settles", "source", id());
        this.pausedUntil = System.nanoTime();
    }

    @Override
    public String id() {
        return "s3/" + name;
    }

    /** The consumer group of this source's replicas. */
    String groupId() {
        return "trailwatch-collector-listing-" + name;
    }

    @Override
    public void start() {
        running = true;
        consumerThread = new Thread(this::consume, "s3-" + name + "-checkpoints");
        consumerThread.setDaemon(true);
        consumerThread.start();
        scheduler.scheduleWithFixedDelay(this::cycle, config.interval().toMillis(), config.interval().toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.infof("%s: listing s3://%s/%s every %s, from %s for prefixes without a checkpoint", id(), config.bucket(),
                discovery.root(), config.interval(), startDate());
    }

    @Override
    public void stop(Duration grace) {
        running = false;
        scheduler.shutdownNow();
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            if (consumerThread != null) {
                consumerThread.join(grace.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
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
        s3.listObjectsV2(b -> b.bucket(config.bucket()).prefix(discovery.root()).maxKeys(1));
        return "bucket " + config.bucket() + " answers";
    }

    /** The consumer thread: group membership, checkpoint restore, rebalances; restarted after a failure. */
    private void consume() {
        while (running) {
            if (!consumeUntilStoppedOrFailed() || !running) {
                return;
            }
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One membership of the consumer group; true when it failed and should be started again. */
    private boolean consumeUntilStoppedOrFailed() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(15).toMillis());
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "collector-listing-" + name);
        Map<Integer, Long> restoring = new HashMap<>();
        if (!ensureCheckpointTopic()) {
            return false;
        }
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = c;
            // A topic created a moment ago may not be in every broker's metadata yet.
            while (running && (partitions = c.partitionsFor(topic).size()) == 0) {
                Thread.sleep(500);
            }
            c.subscribe(List.of(topic), new Rebalance(c, restoring));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(250))) {
                    if (restoring.containsKey(record.partition())) {
                        restore(record);
                    }
                }
                boolean restored = false;
                for (var it = restoring.entrySet().iterator(); it.hasNext(); ) {
                    var entry = it.next();
                    TopicPartition tp = new TopicPartition(topic, entry.getKey());
                    if (c.position(tp) >= entry.getValue()) {
                        it.remove();
                        c.pause(List.of(tp));
                        owned.add(entry.getKey());
                        restored = true;
                    }
                }
                if (restored) {
                    LOG.infof("%s: reading the prefixes of checkpoint partitions %s", id(), owned);
                    requestCycle();
                }
            }
        } catch (WakeupException e) {
            // stop() asked.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                LOG.errorf(e, "%s: the checkpoint consumer failed; joining the group again in 5 s", id());
                reachability.failed("checkpoint consumer failed: " + e.getMessage());
                return true;
            }
        } finally {
            owned.clear();
            awaitJobs(jobs.values());
            consumer = null;
        }
        return false;
    }

    /** Creates the checkpoint topic if needed, retrying while Kafka is unavailable; false when stopped first. */
    private boolean ensureCheckpointTopic() {
        while (running) {
            try {
                CheckpointTopic.ensure(kafkaConfig, checkpointSettings);
                return true;
            } catch (IllegalStateException e) {
                reachability.failed(e.getMessage());
                LOG.warnf("%s: %s (retrying in 5 s)", id(), e.getMessage());
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** Takes over the checkpoints of assigned partitions; hands back those of revoked ones. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> c;
        private final Map<Integer, Long> restoring;

        Rebalance(KafkaConsumer<String, byte[]> c, Map<Integer, Long> restoring) {
            this.c = c;
            this.restoring = restoring;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (assigned.isEmpty()) {
                return;
            }
            c.seekToBeginning(assigned);
            c.endOffsets(assigned).forEach((tp, end) -> restoring.put(tp.partition(), end));
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            handOver(revoked, restoring);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            handOver(lost, restoring);
        }
    }

    private void handOver(Collection<TopicPartition> partitionsLeaving, Map<Integer, Long> restoring) {
        if (partitionsLeaving.isEmpty()) {
            return;
        }
        Set<Integer> leaving = ConcurrentHashMap.newKeySet();
        partitionsLeaving.forEach(tp -> leaving.add(tp.partition()));
        owned.removeAll(leaving);
        leaving.forEach(restoring::remove);
        awaitJobs(jobs.values().stream().filter(j -> leaving.contains(j.partition)).toList());
        publisher.flush();
        checkpoints.keySet().removeIf(key -> leaving.contains(partitionOf(key)));
        lagSeconds.forEach((key, lag) -> {
            if (leaving.contains(partitionOf(key))) {
                lag.set(0);
            }
        });
        LOG.infof("%s: handed over checkpoint partitions %s", id(), leaving);
    }

    private static void awaitJobs(Collection<PrefixJob> waitFor) {
        for (PrefixJob job : List.copyOf(waitFor)) {
            try {
                job.finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void restore(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || !record.key().startsWith(keyPrefix())) {
            return;
        }
        if (record.value() == null) {
            checkpoints.remove(record.key());
            return;
        }
        try {
            checkpoints.put(record.key(), mapper.readValue(record.value(), ListingCheckpoint.class));
        } catch (IOException e) {
            LOG.warnf("%s: ignoring an unreadable checkpoint for %s at offset %d: %s", id(), record.key(),
                    record.offset(), e.getMessage());
        }
    }

    private void requestCycle() {
        try {
            scheduler.execute(this::cycle);
        } catch (RejectedExecutionException e) {
            // Stopping.
        }
    }

    /** One listing: find the prefixes and start a reader for each owned prefix not being read already. */
    private void cycle() {
        if (!running || owned.isEmpty() || pausedUntil - System.nanoTime() > 0) {
            return;
        }
        List<LogPrefix> prefixes;
        try {
            prefixes = discovery.discover();
            reachability.succeeded("bucket " + config.bucket() + " answers");
        } catch (SdkException e) {
            reachability.failed("bucket " + config.bucket() + ": " + e.getMessage());
            LOG.warnf("%s: cannot list s3://%s/%s (retrying at the next listing): %s", id(), config.bucket(),
                    discovery.root(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: unexpected failure while listing; retrying at the next listing", id());
            return;
        }
        for (LogPrefix prefix : prefixes) {
            String key = checkpointKey(prefix);
            int partition = partitionOf(key);
            if (!owned.contains(partition)) {
                continue;
            }
            PrefixJob job = new PrefixJob(prefix, key, partition);
            if (jobs.putIfAbsent(key, job) == null) {
                try {
                    workers.execute(job);
                } catch (RejectedExecutionException e) {
                    jobs.remove(key, job);
                    job.finished.countDown();
                    return;
                }
            }
        }
    }

    private void readPrefix(PrefixJob job) {
        LogPrefix prefix = job.prefix;
        PrefixProgress progress = new PrefixProgress(checkpoints.get(job.key), initialStartAfter(prefix),
                MAX_RECENT_KEYS);
        AtomicLong lag = lagGauge(job.key, prefix);
        Instant now = clock.instant();
        Instant settledBefore = now.minus(config.settleTime());
        String startAfter = progress.startAfter();
        progress.beginPass();
        boolean unsaved = false;
        String token = null;
        try {
            do {
                String continuation = token;
                ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(config.bucket()).prefix(prefix.prefix())
                        .startAfter(startAfter).continuationToken(continuation));
                for (S3Object object : page.contents()) {
                    if (!running || !owned.contains(job.partition)) {
                        return;
                    }
                    boolean old = object.lastModified().isBefore(settledBefore);
                    if (!progress.isRead(object.key())) {
                        lag.set(Math.max(0, Duration.between(object.lastModified(), clock.instant()).toSeconds()));
                        ObjectOutcome outcome = objects.handle(new S3ObjectRef(config.bucket(), object.key(),
                                object.size()));
                        if (!outcome.done()) {
                            LOG.warnf("%s: stopped reading %s at %s (retrying at the next listing): %s", id(),
                                    prefix.prefix(), object.key(), outcome.problem());
                            if (outcome.kafkaUnavailable()) {
                                pausedUntil = System.nanoTime() + config.interval().toNanos();
                            }
                            return;
                        }
                        objectsListed.increment();
                        progress.read(object.key(), old);
                        save(job, progress);
                        unsaved = false;
                    } else if (progress.read(object.key(), old)) {
                        unsaved = true;
                    }
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
            lag.set(0);
            reachability.succeeded("bucket " + config.bucket() + " answers");
        } catch (SdkException e) {
            reachability.failed("bucket " + config.bucket() + ": " + e.getMessage());
            LOG.warnf("%s: cannot list %s (retrying at the next listing): %s", id(), prefix.prefix(), e.getMessage());
        } finally {
            if (unsaved) {
                save(job, progress);
            }
            if (progress.forcedSettles() > 0) {
                forcedSettles.increment(progress.forcedSettles());
            }
        }
    }

    private void save(PrefixJob job, PrefixProgress progress) {
        ListingCheckpoint checkpoint = progress.checkpoint(clock.instant());
        checkpoints.put(job.key, checkpoint);
        byte[] value;
        try {
            value = mapper.writeValueAsBytes(checkpoint);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a checkpoint always serializes", e);
        }
        publisher.sendTo(topic, job.partition, job.key, value).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warnf("%s: checkpoint of %s not saved (the prefix will be read again from an earlier point): %s",
                        id(), job.prefix.prefix(), error.getMessage());
            }
        });
    }

    private AtomicLong lagGauge(String key, LogPrefix prefix) {
        return lagSeconds.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("trailwatch.listing.lag", value, AtomicLong::get)
                    .tags(Tags.of("source", id(), "prefix", prefix.prefix()))
                    .baseUnit("seconds")
                    .description("Age of the object the listing of a prefix is reading; 0 when it is caught up")
                    .register(metrics);
            return value;
        });
    }

    private LocalDate startDate() {
        return config.startDate().orElseGet(() -> LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1));
    }

    /** Keys of a day sort after {@code <prefix>YYYY/MM/DD} and keys of the days before it sort before. */
    private String initialStartAfter(LogPrefix prefix) {
        return prefix.prefix() + DAY.format(startDate());
    }

    private String keyPrefix() {
        return name + "|" + config.bucket() + "|";
    }

    String checkpointKey(LogPrefix prefix) {
        return keyPrefix() + prefix.prefix();
    }

    /** The checkpoint partition a key belongs to: where Kafka's default partitioner puts it. */
    int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The partitions this replica reads the prefixes of (for tests and logs). */
    Set<Integer> ownedPartitions() {
        return Set.copyOf(owned);
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
