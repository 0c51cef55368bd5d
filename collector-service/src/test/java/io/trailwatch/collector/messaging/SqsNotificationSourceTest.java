package io.trailwatch.collector.messaging;

import static io.trailwatch.collector.testing.CloudTrailFiles.file;
import static io.trailwatch.collector.testing.CloudTrailFiles.gzip;
import static io.trailwatch.collector.testing.CloudTrailFiles.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trailwatch.collector.client.AwsClients;
import io.trailwatch.collector.config.CollectorConfig;
import io.trailwatch.collector.service.IntakeService;
import io.trailwatch.collector.service.ObjectHandler;
import io.trailwatch.collector.service.ObjectOutcome;
import io.trailwatch.collector.service.S3ObjectReader;
import io.trailwatch.collector.testing.Buckets;
import io.trailwatch.collector.testing.CloudTrailFiles;
import io.trailwatch.collector.testing.Queues;
import io.trailwatch.collector.testing.SourceSettings;
import io.trailwatch.contracts.EventHeaders;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.SharedInfra;
import io.trailwatch.infra.testing.TopicReader;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SQS notification source against the real SQS- and S3-compatible servers and a real broker. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class SqsNotificationSourceTest {

    private static final String ORG = "AWSLogs/o-a1b2c3d4e5/";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Inject
    IntakeService intake;
    @Inject
    CollectorConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry metrics;

    private final List<SqsNotificationSource> started = new ArrayList<>();

    @AfterEach
    void stopSources() {
        started.forEach(s -> s.stop(Duration.ofSeconds(5)));
    }

    @Test
    void readsObjectsAnnouncedInEveryWrapperFormatAndBothLayouts() {
        String bucket = Buckets.create("wrappers");
        String queue = Queues.create("wrappers", 5, 30);
        String account = "210987654321";
        Map<String, String> idByKey = new ConcurrentHashMap<>();
        String orgKey = ORG + account + "/CloudTrail/eu-west-1/2026/11/27/" + account
                + "_CloudTrail_eu-west-1_20261127T1005Z_with space+plus&é.json.gz";
        String accountKey = "AWSLogs/" + account + "/CloudTrail/us-east-1/2026/11/27/" + account
                + "_CloudTrail_us-east-1_20261127T1010Z_Ab12Cd34Ef56Gh78.json.gz";
        String bridgeKey = ORG + account + "/CloudTrail/us-west-2/2026/11/27/bridge:1.json.gz";
        String trailKey1 = ORG + account + "/CloudTrail/ap-south-1/2026/11/27/trail-1.json.gz";
        String trailKey2 = ORG + account + "/CloudTrail/ap-south-1/2026/11/27/trail-2.json.gz";
        for (String key : List.of(orgKey, accountKey, bridgeKey, trailKey1, trailKey2)) {
            String id = UUID.randomUUID().toString();
            idByKey.put(key, id);
            Buckets.put(bucket, key, gzip(file(List.of(record(id, account, "DescribeInstances")))));
        }
        String insightKey = ORG + account + "/CloudTrail-Insight/us-east-1/2026/11/27/insight.json.gz";
        String insightId = UUID.randomUUID().toString();
        Buckets.put(bucket, insightKey, gzip(file(List.of(CloudTrailFiles.insightRecord(insightId, account)))));
        String digestKey = ORG + account + "/CloudTrail-Digest/us-east-1/2026/11/27/" + account
                + "_CloudTrail-Digest_us-east-1_org_us-east-1_20261127T100000Z.json.gz";
        Buckets.put(bucket, digestKey, gzip("{\"awsAccountId\":\"" + account + "\",\"logFiles\":[]}"));
        double digestsBefore = count("trailwatch.intake.skipped", "kind", "digest");

        Queues.send(queue, Queues.s3Notification(bucket, orgKey, Buckets.size(bucket, orgKey)));
        Queues.send(queue, NotificationParserTest.sns(Queues.s3Notification(bucket, accountKey, 10)));
        Queues.send(queue, NotificationParserTest.eventBridge("Object Created", bucket, bridgeKey));
        Queues.send(queue, NotificationParserTest.sns("{\"s3Bucket\":\"" + bucket + "\",\"s3ObjectKey\":[\""
                + trailKey1 + "\",\"" + trailKey2 + "\"]}"));
        Queues.send(queue, Queues.s3Notification(bucket, insightKey, 10));
        Queues.send(queue, Queues.s3Notification(bucket, digestKey, 10));
        Queues.send(queue, "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"" + bucket + "\"}");
        start(queue, s -> s);

        List<ConsumerRecord<String, String>> published = readEvents(5, idByKey.values().toArray(String[]::new));
        published.addAll(readEvents(1, insightId));
        assertThat(published).hasSize(6);
        for (ConsumerRecord<String, String> record : published) {
            assertThat(record.key()).isEqualTo(account);
            String source = header(record, EventHeaders.SOURCE);
            String key = source.substring(("s3://" + bucket + "/").length());
            if (key.equals(insightKey)) {
                assertThat(header(record, EventHeaders.RECORD_TYPE)).isEqualTo(EventHeaders.RECORD_TYPE_INSIGHT);
            } else {
                assertThat(record.value()).contains(idByKey.get(key));
                assertThat(header(record, EventHeaders.RECORD_TYPE)).isEqualTo(EventHeaders.RECORD_TYPE_CLOUDTRAIL);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(queue) == 0);
        assertThat(count("trailwatch.intake.skipped", "kind", "digest") - digestsBefore).isEqualTo(1);
    }

    @Test
    void rejectsEveryKindOfBadObjectWithItsKeyAndKeepsTheGoodRecords() throws IOException {
        String bucket = Buckets.create("rejects");
        String queue = Queues.create("rejects", 5, 30);
        String account = "109876543210";
        String day = ORG + account + "/CloudTrail/us-east-1/2026/11/27/";
        Map<String, String> expectedReason = new java.util.LinkedHashMap<>();
        Map<String, byte[]> objects = new java.util.LinkedHashMap<>();
        String goodId = UUID.randomUUID().toString();
        objects.put(day + "good.json.gz", gzip(file(List.of(record(goodId, account, "ListBuckets")))));

        objects.put(day + "not-gzip.json.gz", file(List.of()).getBytes(StandardCharsets.UTF_8));
        expectedReason.put(day + "not-gzip.json.gz", "bad-gzip");
        byte[] whole = gzip(file(List.of(record(UUID.randomUUID().toString(), account, "x"))));
        objects.put(day + "truncated-gzip.json.gz", java.util.Arrays.copyOf(whole, whole.length - 10));
        expectedReason.put(day + "truncated-gzip.json.gz", "bad-gzip");
        objects.put(day + "html.json.gz", gzip("<html>Access Denied</html>"));
        expectedReason.put(day + "html.json.gz", "not-json");
        objects.put(day + "truncated-json.json.gz", gzip("{\"Records\":[{\"eventID\":\"a\""));
        expectedReason.put(day + "truncated-json.json.gz", "not-json");
        objects.put(day + "no-records.json.gz", gzip("{\"awsAccountId\":\"" + account + "\"}"));
        expectedReason.put(day + "no-records.json.gz", "not-cloudtrail");

        String withoutTime = UUID.randomUUID().toString();
        String badTime = UUID.randomUUID().toString();
        String afterBadOnes = UUID.randomUUID().toString();
        objects.put(day + "bad-records.json.gz", gzip(file(List.of("{\"eventTime\":\"2026-11-27T10:00:00Z\"}",
                "{\"eventID\":\"" + withoutTime + "\"}",
                "{\"eventID\":\"" + badTime + "\",\"eventTime\":\"yesterday\"}",
                "[1,2]",
                "{\"eventID\":\"big\",\"eventTime\":\"2026-11-27T10:00:00Z\",\"pad\":\"" + "x".repeat(70_000) + "\"}",
                record(afterBadOnes, account, "GetObject")))));

        String many = UUID.randomUUID().toString();
        objects.put(day + "too-many.json.gz", gzipRepeated("{\"Records\":[", "{\"eventID\":\"" + many + "-%ID%\","
                + "\"eventTime\":\"2026-11-27T10:00:00Z\"},", config.limits().maxRecordsPerFile(), "{}]}"));
        expectedReason.put(day + "too-many.json.gz", "too-many-records");

        byte[] noise = new byte[(int) config.limits().maxObjectBytes() + 1];
        new Random(7).nextBytes(noise);
        objects.put(day + "too-large-by-size.json.gz", noise);
        expectedReason.put(day + "too-large-by-size.json.gz", "object-too-large");
        ByteArrayOutputStream large = new ByteArrayOutputStream();
        CloudTrailFiles.writeLargeFile(large, 30_000_000, "large", account);
        assertThat(large.size()).as("compressed size of the large file").isGreaterThan(noise.length);
        objects.put(day + "too-large-unannounced.json.gz", large.toByteArray());
        expectedReason.put(day + "too-large-unannounced.json.gz", "object-too-large");

        int limit = (int) config.limits().maxDecompressedBytes();
        objects.put(day + "bomb.json.gz", gzipRepeated("{\"Records\":[{\"eventID\":\"", "a".repeat(65_536),
                limit / 65_536 + 1, "\"}]}"));
        expectedReason.put(day + "bomb.json.gz", "decompressed-too-large");
        String unit = record("%ID%", account, "GetObject").replace("aws-cli/2.15.0", "aws-cli/2.15.0 " + "y".repeat(2000));
        objects.put(day + "decompressed-too-large.json.gz",
                gzipRepeated("{\"Records\":[", unit + ",", limit / unit.length() + 1, unit + "]}"));
        expectedReason.put(day + "decompressed-too-large.json.gz", "decompressed-too-large");

        objects.forEach((key, content) -> Buckets.put(bucket, key, content));
        for (String key : objects.keySet()) {
            if (key.endsWith("too-large-unannounced.json.gz")) {
                Queues.send(queue, "{\"s3Bucket\":\"" + bucket + "\",\"s3ObjectKey\":[\"" + key + "\"]}");
            } else {
                Queues.send(queue, Queues.s3Notification(bucket, key, objects.get(key).length));
            }
        }
        String missing = day + "deleted-before-read.json.gz";
        Queues.send(queue, Queues.s3Notification(bucket, missing, 100));
        expectedReason.put(missing, "unreadable");
        start(queue, s -> s);

        assertThat(readEvents(2, goodId, afterBadOnes)).hasSize(2);
        List<ConsumerRecord<String, String>> rejections = TopicReader.read(SharedInfra.kafka().bootstrapServers(),
                Topics.REJECTED, expectedReason.size() + 5, Duration.ofSeconds(60),
                r -> r.key() != null && r.key().startsWith("s3://" + bucket + "/"));
        expectedReason.forEach((key, reason) -> assertThat(rejections)
                .as("rejection of %s", key)
                .anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo("s3://" + bucket + "/" + key);
                    assertThat(r.value()).contains("\"reason\":\"" + reason + "\"");
                }));
        String badRecords = "s3://" + bucket + "/" + day + "bad-records.json.gz";
        assertThat(rejections.stream().filter(r -> r.key().equals(badRecords)).map(ConsumerRecord::value))
                .hasSize(5)
                .anySatisfy(v -> assertThat(v).contains("\"reason\":\"missing-field\"", "no eventID"))
                .anySatisfy(v -> assertThat(v).contains("\"reason\":\"missing-field\"", withoutTime))
                .anySatisfy(v -> assertThat(v).contains("\"reason\":\"bad-record\"", badTime))
                .anySatisfy(v -> assertThat(v).contains("\"reason\":\"bad-record\"", "not a JSON object"))
                .anySatisfy(v -> assertThat(v).contains("\"reason\":\"record-too-large\""));
        assertThat(rejections).filteredOn(r -> r.key().endsWith("bomb.json.gz"))
                .singleElement().satisfies(r -> assertThat(r.value()).contains("gzip bomb"));
        await("bad objects are done with: their messages are deleted").atMost(Duration.ofSeconds(20))
                .until(() -> Queues.depth(queue) == 0);
        assertThat(Queues.depth(Queues.deadLetterQueue(queue))).isZero();
    }

    @Test
    void givesUpOnAPoisonMessageAfterMaxReceiveCountSoTheQueueMovesItToTheDeadLetterQueue() {
        String queue = Queues.create("poison", 3, 30);
        String missingBucketKey = ORG + "111122223333/CloudTrail/us-east-1/2026/11/27/f.json.gz";
        Queues.send(queue, "this is not a notification");
        Queues.send(queue, Queues.s3Notification("no-such-bucket-" + UUID.randomUUID(), missingBucketKey, 10));
        SqsNotificationSource source = start(queue, s -> {
            s.retryDelay = Duration.ZERO;
            return s;
        });

        String dlq = Queues.deadLetterQueue(queue);
        await().atMost(Duration.ofSeconds(60)).until(() -> Queues.depth(dlq) == 2 && Queues.depth(queue) == 0);
        List<ConsumerRecord<String, String>> rejections = TopicReader.read(SharedInfra.kafka().bootstrapServers(),
                Topics.REJECTED, 2, Duration.ofSeconds(30), r -> r.value().contains("\"reason\":\"poison-message\"")
                        && (r.key().startsWith("sqs:" + queue + "#") || r.key().contains("/" + missingBucketKey)));
        assertThat(rejections).hasSize(2).allSatisfy(r -> assertThat(r.value())
                .contains("after 3 receives", "dead-letter queue"));
        assertThat(rejections).anySatisfy(r -> assertThat(r.value()).contains("this is not a notification"));
        assertThat(counter("trailwatch.sqs.messages.poison", source).count()).isEqualTo(2);
        assertThat(counter("trailwatch.sqs.messages.returned", source).count()).isEqualTo(4);
    }

    @Test
    void retriesAnObjectThatFailedAndDeletesTheMessageOnlyOnceItsRecordsAreInKafka() {
        String bucket = Buckets.create("retry");
        String queue = Queues.create("retry", 5, 30);
        String key = ORG + "111122223333/CloudTrail/us-east-1/2026/11/27/flaky.json.gz";
        String id = UUID.randomUUID().toString();
        Buckets.put(bucket, key, gzip(file(List.of(record(id, "111122223333", "CreateUser")))));
        Queues.send(queue, Queues.s3Notification(bucket, key, 10));
        AtomicInteger attempts = new AtomicInteger();
        SqsNotificationSource source = startWith(queue, s -> {
            s.retryDelay = Duration.ofSeconds(1);
            return s;
        }, reader -> ref -> attempts.incrementAndGet() == 1 ? ObjectOutcome.retry("S3 timed out") : reader.handle(ref));

        assertThat(readEvents(1, id)).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(queue) == 0);
        assertThat(attempts).hasValue(2);
        assertThat(counter("trailwatch.sqs.messages.received", source).count()).isEqualTo(2);
        assertThat(counter("trailwatch.sqs.messages.deleted", source).count()).isEqualTo(1);
    }

    @Test
    void holdsAMessageThroughAKafkaOutageWithoutSpendingItsReceivesSoItNeverReachesTheDeadLetterQueue() {
        String bucket = Buckets.create("outage");
        String queue = Queues.create("outage", 2, 30);
        String key = ORG + "111122223333/CloudTrail/us-east-1/2026/11/27/outage.json.gz";
        String id = UUID.randomUUID().toString();
        Buckets.put(bucket, key, gzip(file(List.of(record(id, "111122223333", "CreateUser")))));
        Queues.send(queue, Queues.s3Notification(bucket, key, 10));
        AtomicInteger attempts = new AtomicInteger();
        // Three failed attempts against a queue that allows two receives: given back each time, the message would
        // have gone to the dead-letter queue.
        SqsNotificationSource source = startWith(queue, s -> s, reader -> ref -> attempts.incrementAndGet() <= 3
                ? ObjectOutcome.kafkaDown("Kafka did not acknowledge: timed out") : reader.handle(ref));

        assertThat(readEvents(1, id)).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Queues.depth(queue) == 0
                && counter("trailwatch.sqs.messages.deleted", source).count() == 1);
        assertThat(attempts).hasValue(4);
        assertThat(Queues.depth(Queues.deadLetterQueue(queue))).isZero();
        assertThat(counter("trailwatch.sqs.messages.received", source).count()).isEqualTo(1);
        assertThat(counter("trailwatch.sqs.messages.returned", source).count()).isZero();
    }

    @Test
    void extendsTheVisibilityOfAMessageWhileItsObjectIsStillBeingRead() {
        String bucket = Buckets.create("slow");
        String queue = Queues.create("slow", 5, 30);
        String key = ORG + "111122223333/CloudTrail/us-east-1/2026/11/27/slow.json.gz";
        String id = UUID.randomUUID().toString();
        Buckets.put(bucket, key, gzip(file(List.of(record(id, "111122223333", "CreateUser")))));
        Queues.send(queue, Queues.s3Notification(bucket, key, 10));
        // 4 s of visibility, extended with 2 s to spare: a 1 s timeout left a quarter second, which a busy CI
        // machine sometimes missed, so the message reappeared.
        SqsNotificationSource first = startWith(queue, s -> {
            s.visibilityTimeout = Duration.ofSeconds(4);
            return s;
        }, reader -> ref -> {
            sleep(12_000);
            return reader.handle(ref);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> counter("trailwatch.sqs.messages.received", first).count() == 1);
        // A second replica on the same queue would receive the message if its visibility ran out.
        SqsNotificationSource second = start(queue, s -> s);

        assertThat(readEvents(1, id)).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Queues.depth(queue) == 0);
        assertThat(counter("trailwatch.sqs.visibility.extensions", first).count()).isGreaterThanOrEqualTo(3);
        assertThat(counter("trailwatch.sqs.messages.received", first).count()
                + counter("trailwatch.sqs.messages.received", second).count()).isEqualTo(1);
    }

    @Test
    void keepsAtMostTheConfiguredObjectsInFlightAndSharesAQueueBetweenReplicas() {
        String bucket = Buckets.create("shared");
        String queue = Queues.create("shared", 5, 60);
        List<String> ids = announceOneRecordFiles(bucket, queue, 12);
        Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
        AtomicInteger[] current = {new AtomicInteger(), new AtomicInteger()};
        AtomicInteger[] most = {new AtomicInteger(), new AtomicInteger()};
        UnaryOperator<SourceSettings> twoInFlight = s -> {
            s.maxObjectsInFlight = 2;
            return s;
        };
        SqsNotificationSource a = startWith(queue, twoInFlight, reader -> counting(reader, reads, current[0], most[0]));
        SqsNotificationSource b = startWith(queue, twoInFlight, reader -> counting(reader, reads, current[1], most[1]));

        assertThat(readEvents(12, ids.toArray(String[]::new))).hasSize(12);
        await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(queue) == 0);
        assertThat(reads).hasSize(12).allSatisfy((key, n) -> assertThat(n).as(key).hasValue(1));
        assertThat(most[0].get()).as("objects in flight in one replica").isLessThanOrEqualTo(2);
        assertThat(most[1].get()).as("objects in flight in the other replica").isLessThanOrEqualTo(2);
        assertThat(most[0].get() + most[1].get()).as("objects are read in parallel").isGreaterThanOrEqualTo(3);
        assertThat(counter("trailwatch.sqs.messages.received", a).count()).isPositive();
        assertThat(counter("trailwatch.sqs.messages.received", b).count()).isPositive();
    }

    @Test
    void deletesFinishedMessagesTenToARequestAndReceivesSeveralPerRequest() {
        String bucket = Buckets.create("batched");
        String queue = Queues.create("batched", 5, 60);
        List<String> ids = announceOneRecordFiles(bucket, queue, 30);
        SqsNotificationSource source = startWith(queue, s -> {
            s.maxObjectsInFlight = 16;
            return s;
        }, reader -> ref -> {
            sleep(50);
            return reader.handle(ref);
        });

        assertThat(readEvents(30, ids.toArray(String[]::new))).hasSize(30);
        await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(queue) == 0);
        double receives = requests(source, "ReceiveMessage");
        assertThat(counter("trailwatch.sqs.messages.deleted", source).count()).isEqualTo(30);
        assertThat(requests(source, "DeleteMessageBatch")).as("delete requests for 30 messages").isBetween(3.0, 12.0);
        assertThat(receives).as("receive requests for 30 messages").isLessThanOrEqualTo(15);
        assertThat(Queues.depth(Queues.deadLetterQueue(queue))).isZero();
    }

    private double requests(SqsNotificationSource source, String operation) {
        return metrics.get("trailwatch.sqs.requests").tag("source", source.id()).tag("operation", operation)
                .counter().count();
    }

    /** Puts {@code files} one-record files into the bucket and announces each; returns their eventIDs. */
    private static List<String> announceOneRecordFiles(String bucket, String queue, int files) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            String key = ORG + "111122223333/CloudTrail/us-east-1/2026/11/27/f-" + i + ".json.gz";
            String id = UUID.randomUUID().toString();
            ids.add(id);
            Buckets.put(bucket, key, gzip(file(List.of(record(id, "111122223333", "GetObject")))));
            Queues.send(queue, Queues.s3Notification(bucket, key, 10));
        }
        return ids;
    }

    private static ObjectHandler counting(ObjectHandler reader, Map<String, AtomicInteger> reads, AtomicInteger current,
                                          AtomicInteger most) {
        return ref -> {
            most.accumulateAndGet(current.incrementAndGet(), Math::max);
            reads.computeIfAbsent(ref.key(), k -> new AtomicInteger()).incrementAndGet();
            try {
                sleep(300);
                return reader.handle(ref);
            } finally {
                current.decrementAndGet();
            }
        };
    }

    private SqsNotificationSource start(String queue, UnaryOperator<SourceSettings> settings) {
        return startWith(queue, settings, UnaryOperator.identity());
    }

    private SqsNotificationSource startWith(String queue, UnaryOperator<SourceSettings> settings,
                                            UnaryOperator<ObjectHandler> handler) {
        SourceSettings s = SourceSettings.local(SharedInfra.s3().endpoint());
        s.queueUrl = queue;
        s.sqsEndpoint = URI.create(SharedInfra.sqs().endpoint());
        s = settings.apply(s);
        String name = "test" + NAMES.incrementAndGet();
        AwsClients clients = new AwsClients(name, s, s.queueUrl);
        ObjectHandler reader = new S3ObjectReader(clients.s3(), intake, config.limits());
        SqsNotificationSource source = new SqsNotificationSource(name, s, clients.sqs(Optional.of(s.sqsEndpoint)),
                handler.apply(reader), intake, mapper, metrics, clients);
        source.start();
        started.add(source);
        return source;
    }

    private Counter counter(String name, SqsNotificationSource source) {
        return metrics.get(name).tag("source", source.id()).counter();
    }

    private double count(String name, String tag, String value) {
        return metrics.find(name).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static List<ConsumerRecord<String, String>> readEvents(int expected, String... eventIds) {
        return new ArrayList<>(TopicReader.read(SharedInfra.kafka().bootstrapServers(), Topics.CLOUDTRAIL_EVENTS,
                expected, Duration.ofSeconds(60),
                r -> java.util.Arrays.stream(eventIds).anyMatch(id -> r.value().contains(id))));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Gzip of {@code head + unit * times + tail}, without holding the decompressed text. */
    private static byte[] gzipRepeated(String head, String unit, int times, String tail) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] chunk = unit.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < times; i++) {
                gz.write(unit.contains("%ID%") ? unit.replace("%ID%", "r" + i).getBytes(StandardCharsets.UTF_8) : chunk);
            }
            gz.write(tail.replace("%ID%", "last").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
