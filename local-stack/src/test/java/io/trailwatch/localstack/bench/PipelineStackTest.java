package io.trailwatch.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.localstack.StackPorts;
import org.junit.jupiter.api.Test;

class PipelineStackTest {

    private static final StackPorts PORTS = new StackPorts(1, 2, 3, 4, 5, 6, 9000, 9324);

    @Test
    void theQueueUrlIsElasticMqsForTheStacksQueue() {
        assertThat(PipelineStack.queueUrl(PORTS))
                .isEqualTo("http://127.0.0.1:9324/000000000000/trailwatch-cloudtrail-notifications");
    }

    @Test
    void alertServiceNotifiesTheReceiverOnLoopback() {
        assertThat(PipelineStack.alertEnvironment("http://127.0.0.1:4242/hook"))
                .containsEntry("TRAILWATCH_ALERT_BOOTSTRAP_WEBHOOK_URL", "http://127.0.0.1:4242/hook")
                .containsEntry("TRAILWATCH_ALERT_ALLOW_HTTP", "true")
                .containsEntry("TRAILWATCH_ALERT_ALLOWED_CIDRS", "127.0.0.0/8,::1/128");
    }

    @Test
    void theCollectorReadsTheStacksQueueThroughItsOwnLocalEnvironment() {
        assertThat(PipelineStack.localEnvConfiguresSqsSource()).isTrue();
        assertThat(PipelineStack.collectorEnvironment(PORTS)).isEmpty();
    }
}
