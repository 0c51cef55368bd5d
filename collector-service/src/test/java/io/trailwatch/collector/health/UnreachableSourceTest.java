package io.trailwatch.collector.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.trailwatch.infra.FreePorts;
import io.trailwatch.infra.testing.KafkaTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A source whose queue does not answer keeps the collector alive but not ready. */
@QuarkusTest
@TestProfile(UnreachableSourceTest.WithUnreachableQueue.class)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class UnreachableSourceTest {

    public static class WithUnreachableQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String nobody = "http://127.0.0.1:" + FreePorts.pick();
            return Map.of(
                    "trailwatch.collector.sources.sqs.gone.queue-url", nobody + "/000000000000/gone",
                    "trailwatch.collector.sources.sqs.gone.sqs-endpoint", nobody,
                    "trailwatch.collector.sources.sqs.gone.anonymous", "true",
                    "trailwatch.collector.sources.sqs.gone.region", "us-east-1");
        }
    }

    @Test
    void isAliveButNotReady() {
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'Collector sources' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Collector sources' }.data.'sqs/gone'", containsString("DOWN"));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
