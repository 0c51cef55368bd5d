package io.trailwatch.collector.service.listing;

import static io.trailwatch.collector.testing.CloudTrailFiles.file;
import static io.trailwatch.collector.testing.CloudTrailFiles.gzip;
import static io.trailwatch.collector.testing.CloudTrailFiles.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import io.trailwatch.collector.client.AwsClients;
import io.trailwatch.collector.config.CollectorConfig;
import io.trailwatch.collector.messaging.EventPublisher;
import io.trailwatch.collector.service.IntakeService;
import io.trailwatch.collector.service.ObjectHandler;
import io.trailwatch.collector.service.S3ObjectReader;
import io.trailwatch.collector.testing.Buckets;
import io.trailwatch.collector.testing.CloudTrailFiles;
import io.trailwatch.collector.testing.SourceSettings;
import io.trailwatch.contracts.EventHeaders;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.SharedInfra;
import io.trailwatch.infra.testing.TopicReader;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bucket listing source against the real S3-compatible server and a real broker. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class BucketListingSourceTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String DAY = "2026/11/27/";

    @Inject
    IntakeService intake;
    @Inject
    EventPublisher publisher;
    @Inject
    CollectorConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry metrics;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private final List<BucketListingSource> started = new ArrayList<>();

    @AfterEach
    void stopSources() {
        started.forEach(s -> s.stop(Duration.ofSeconds(10)));
    }

    @Test
    void readsBothLayoutsAndInsightsFromTheStartDateButNeverDigestsOrOtherLogs() {
        String bucket = Buckets.create("layouts");
        String org = "AWSLogs/o-a1b2c3d4e5/222233334444/";
        String single = "AWSLogs/555566667777/";
        Map<String, String> expected = new ConcurrentHashMap<>();
        for (String key : List.of(org + "CloudTrail/us-east-1/" + DAY + "222233334444_CloudTrail_us-east-1_20261127T1005Z_a.json.gz",
                org + "CloudTrail/eu-west-1/" + DAY + "222233334444_CloudTrail_eu-west-1_20261127T1005Z_b.json.gz",
                org + "CloudTrail/eu-west-1/2026/11/28/222233334444_CloudTrail_eu-west-1_20261128T0005Z_c.json.gz",
                single + "CloudTrail/us-east-1/" + DAY + "555566667777_CloudTrail_us-east-1_20261127T1005Z_d.json.gz")) {
            String id = UUID.randomUUID().toString();
            expected.put(key, id);
            Buckets.put(bucket, key, gzip(file(List.of(record(id, key.contains("222233334444") ? "222233334444"
                    : "555566667777", "GetBucketAcl")))));
        }
        String insightKey = org + "CloudTrail-Insight/us-east-1/" + DAY + "insight.json.gz";
        String insightId = UUID.randomUUID().toString();
        Buckets.put(bucket, insightKey, gzip(file(List.of(CloudTrailFiles.insightRecord(insightId, "222233334444")))));
        expected.put(insightKey, insightId);
        List<String> ignored = List.of(
                org + "CloudTrail/us-east-1/2026/11/26/222233334444_CloudTrail_us-east-1_20261126T2355Z_old.json.gz",
                org + "CloudTrail-Digest/us-east-1/" + DAY + "222233334444_CloudTrail-Digest_us-east-1_t_us-east-1_"
                        + "20261127T100000Z.json.gz",
                single + "Config/us-east-1/" + DAY + "ConfigHistory/x.json.gz",
                "AWSLogs/not-an-account/CloudTrail/us-east-1/" + DAY + "y.json.gz");
        ignored.forEach(key -> Buckets.put(bucket, key, gzip(file(List.of(record(UUID.randomUUID().toString(),
                "222233334444", "x"))))));
        Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

        start("layouts", bucket, s -> s.startDate = LocalDate.of(2026, 11, 27), reads);

        await().atMost(Duration.ofSeconds(30)).until(() -> reads.keySet().equals(expected.keySet()));
        sleep(2500);
        assertThat(reads).as("each read once, across several listings").allSatisfy((k, n) -> assertThat(n).hasValue(1));
        List<ConsumerRecord<String, String>> published = TopicReader.read(SharedInfra.kafka().bootstrapServers(),
                Topics.CLOUDTRAIL_EVENTS, expected.size(), Duration.ofSeconds(30),
                r -> expected.values().stream().anyMatch(id -> r.value().contains(id)));
        assertThat(published).hasSize(expected.size());
        assertThat(published).filteredOn(r -> r.value().contains(insightId)).singleElement()
                .satisfies(r -> assertThat(header(r, EventHeaders.RECORD_TYPE))
                        .isEqualTo(EventHeaders.RECORD_TYPE_INSIGHT));
        assertThat(published).allSatisfy(r -> assertThat(header(r, EventHeaders.SOURCE)).startsWith("s3://" + bucket
                + "/AWSLogs/"));
    }

    @Test
    void resumesFromItsCheckpointsAfterARestartAndStillReadsALateFileWithASmallerName() {
        String bucket = Buckets.create("resume");
        String prefix = "AWSLogs/o-a1b2c3d4e5/333344445555/CloudTrail/us-east-1/" + DAY;
        put(bucket, prefix + "333344445555_CloudTrail_us-east-1_20261127T1000Z_b.json.gz");
        put(bucket, prefix + "333344445555_CloudTrail_us-east-1_20261127T1005Z_c.json.gz");
        String name = "resume" + NAMES.incrementAndGet();
        Map<String, AtomicInteger> first = new ConcurrentHashMap<>();
        BucketListingSource source = start(name, bucket, s -> s.startDate = LocalDate.of(2026, 11, 27), first);
        await().atMost(Duration.ofSeconds(30)).until(() -> first.size() == 2);
        source.stop(Duration.ofSeconds(10));
        started.remove(source);

        put(bucket, prefix + "333344445555_CloudTrail_us-east-1_20261127T1010Z_d.json.gz");
        put(bucket, prefix + "333344445555_CloudTrail_us-east-1_20261127T0955Z_a.json.gz");
        Map<String, AtomicInteger> second = new ConcurrentHashMap<>();
        start(name, bucket, s -> s.startDate = LocalDate.of(2026, 11, 27), second);

        await().atMost(Duration.ofSeconds(30)).until(() -> second.size() == 2);
        sleep(2500);
        assertThat(second.keySet()).containsExactlyInAnyOrder(
                prefix + "333344445555_CloudTrail_us-east-1_20261127T1010Z_d.json.gz",
                prefix + "333344445555_CloudTrail_us-east-1_20261127T0955Z_a.json.gz");
        assertThat(second).allSatisfy((k, n) -> assertThat(n).hasValue(1));
    }

    @Test
    void twoReplicasShareTheBucketWithoutEverReadingTheSamePrefix() {
        String bucket = Buckets.create("replicas");
        String name = "replicas" + NAMES.incrementAndGet();
        Map<String, AtomicInteger> readsA = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> readsB = new ConcurrentHashMap<>();
        BucketListingSource a = start(name, bucket, s -> { }, readsA);
        int partitions = config.checkpoints().partitions();
        await().atMost(Duration.ofSeconds(30)).until(() -> a.ownedPartitions().size() == partitions);
        BucketListingSource b = start(name, bucket, s -> { }, readsB);
        await().atMost(Duration.ofSeconds(60)).until(() -> !a.ownedPartitions().isEmpty()
                && !b.ownedPartitions().isEmpty()
                && a.ownedPartitions().size() + b.ownedPartitions().size() == partitions);
        assertThat(a.ownedPartitions()).doesNotContainAnyElementsOf(b.ownedPartitions());

        // Enough accounts that every checkpoint partition, so both replicas, have prefixes to read.
        Set<Integer> covered = new HashSet<>();
        List<String> keys = new ArrayList<>();
        String day = today();
        for (long account = 100_000_000_000L; covered.size() < partitions; account++) {
            String prefix = "AWSLogs/o-a1b2c3d4e5/" + account + "/CloudTrail/us-east-1/";
            if (covered.add(a.partitionOf(a.checkpointKey(new LogPrefix(prefix, String.valueOf(account),
                    "us-east-1", false))))) {
                for (String file : List.of("f1.json.gz", "f2.json.gz")) {
                    keys.add(prefix + day + account + "_" + file);
                    put(bucket, prefix + day + account + "_" + file);
                }
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> readsA.size() + readsB.size() >= keys.size());
        sleep(2500);
        Set<String> all = new HashSet<>(readsA.keySet());
        all.addAll(readsB.keySet());
        assertThat(all).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(readsA.keySet()).doesNotContainAnyElementsOf(readsB.keySet());
        assertThat(readsA).isNotEmpty().allSatisfy((k, n) -> assertThat(n).hasValue(1));
        assertThat(readsB).isNotEmpty().allSatisfy((k, n) -> assertThat(n).hasValue(1));
        Set<String> prefixesA = prefixes(readsA.keySet());
        assertThat(prefixes(readsB.keySet())).doesNotContainAnyElementsOf(prefixesA);
    }

    private BucketListingSource start(String name, String bucket, Consumer<SourceSettings> settings,
                                      Map<String, AtomicInteger> reads) {
        SourceSettings s = SourceSettings.local(SharedInfra.s3().endpoint());
        s.bucket = bucket;
        s.concurrency = 2;
        settings.accept(s);
        AwsClients clients = new AwsClients(name, s, null);
        var s3 = clients.s3();
        ObjectHandler reader = new S3ObjectReader(s3, intake, config.limits());
        ObjectHandler counting = ref -> {
            reads.computeIfAbsent(ref.key(), k -> new AtomicInteger()).incrementAndGet();
            return reader.handle(ref);
        };
        BucketListingSource source = new BucketListingSource(name, s, s3, counting, publisher, kafkaConfig,
                config.checkpoints(), mapper, metrics, clients, Clock.systemUTC());
        source.start();
        started.add(source);
        return source;
    }

    private static void put(String bucket, String key) {
        Buckets.put(bucket, key, gzip(file(List.of(record(UUID.randomUUID().toString(), "333344445555",
                "DescribeRegions")))));
    }

    private static Set<String> prefixes(Set<String> keys) {
        Set<String> prefixes = new HashSet<>();
        keys.forEach(k -> prefixes.add(k.substring(0, k.indexOf("/CloudTrail/") + "/CloudTrail/us-east-1/".length())));
        return prefixes;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Today's date folder: a source without a start date reads from yesterday (UTC) on. */
    private static String today() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd/").format(LocalDate.now(java.time.ZoneOffset.UTC));
    }
}
