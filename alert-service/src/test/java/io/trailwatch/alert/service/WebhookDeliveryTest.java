package io.trailwatch.alert.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trailwatch.alert.repository.NotificationEntity;
import io.trailwatch.alert.repository.NotificationRepository;
import io.trailwatch.contracts.Topics;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import io.trailwatch.infra.testing.SharedInfra;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryTest {

    @Inject
    NotificationRepository notifications;

    @Test
    void postsEachFindingOnceEvenWhenItIsDeliveredTwice() throws Exception {
        String id = newFindingId();
        String finding = finding(id);
        send(finding);
        send(finding);

        await().atMost(Duration.ofSeconds(20)).until(() -> received(id).size() == 1);
        Thread.sleep(1500);
        List<WebhookReceiver.Received> got = received(id);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).body()).isEqualTo(finding);
        assertThat(got.get(0).headers().get("Content-type")).containsExactly("application/json");
        assertThat(got.get(0).headers().get("Webhook-id")).containsExactly(id);
        assertThat(status(id).status).isEqualTo("delivered");
        assertThat(status(id).attempts).isEqualTo(1);
    }

    @Test
    void retriesAReceiverThatFailsAndRecordsEveryAttempt() throws Exception {
        String id = newFindingId();
        WebhookReceiver.FAILURES_TO_SEND.set(3);
        send(finding(id));

        await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(status(id).status));
        assertThat(status(id).attempts).isEqualTo(4);
        assertThat(status(id).responseCode).isEqualTo(204);
        assertThat(received(id)).hasSize(4);
    }

    private NotificationEntity status(String findingId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            NotificationEntity n = notifications.findById(new NotificationEntity.Key(findingId, "webhook"));
            return n == null ? new NotificationEntity() : n;
        });
    }

    private static List<WebhookReceiver.Received> received(String findingId) {
        return WebhookReceiver.RECEIVED.stream().filter(r -> r.body().contains(findingId)).toList();
    }

    private static String newFindingId() {
        return "f-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static void send(String finding) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", SharedInfra.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.FINDINGS, "111122223333", finding)).get();
        }
    }

    private static String finding(String id) {
        return "{\"findingId\":\"" + id + "\",\"ruleId\":\"cis-root-account-usage\",\"title\":\"Root account usage\","
                + "\"severity\":\"critical\",\"category\":\"access\",\"accountId\":\"111122223333\","
                + "\"eventTime\":\"2026-11-27T10:04:31Z\",\"summary\":\"root signed in\","
                + "\"detectedAt\":\"2026-11-27T10:04:35Z\"}";
    }
}
