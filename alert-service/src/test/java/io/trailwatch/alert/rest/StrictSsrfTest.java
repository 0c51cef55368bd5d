package io.trailwatch.alert.rest;

import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.trailwatch.alert.testing.Api;
import io.trailwatch.alert.testing.GreenMailResource;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without loopback in the allowed ranges (as in production), loopback receivers are refused. */
@QuarkusTest
@TestProfile(StrictSsrfTest.NoLoopback.class)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class StrictSsrfTest {

    /** Allowed ranges that do not include loopback. */
    public static class NoLoopback implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trailwatch.alert.allowed-cidrs", "192.0.2.0/24");
        }
    }

    @Test
    void loopbackIsRefusedWhenItIsNotAllowed() {
        Api.createChannel("""
                {"name": "strict-loopback", "type": "webhook", "url": "http://127.0.0.1:8080/hook"}""")
                .statusCode(400)
                .body("message", containsString("refused http://127.0.0.1:8080: 127.0.0.1 is a loopback address"));
        Api.createChannel("""
                {"name": "strict-localhost", "type": "slack", "webhookUrl": "http://localhost:8080/services/x"}""")
                .statusCode(400)
                .body("message", containsString("localhost resolves to"))
                .body("message", containsString("a loopback address"));
        Api.createChannel("""
                {"name": "strict-v6", "type": "pagerduty", "routingKey": "k", "eventsUrl": "http://[::1]:8080/enqueue"}""")
                .statusCode(400).body("message", containsString("a loopback address"));
    }
}
