package io.trailwatch.alert.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandardWebhookSignerTest {

    @Test
    void matchesTheExampleOfTheStandardWebhooksSpecification() {
        assertThat(StandardWebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void usesOtherSecretsAsTheirBytesAndRefusesWeakOnes() {
        String a = StandardWebhookSigner.sign("a-plain-secret-of-some-length", "id", 1L, new byte[] {1});
        String b = StandardWebhookSigner.sign("a-plain-secret-of-some-length", "id", 2L, new byte[] {1});
        assertThat(a).startsWith("v1,").isNotEqualTo(b);
        assertThatThrownBy(() -> StandardWebhookSigner.validateSecret("short")).hasMessageContaining("too short");
        assertThatThrownBy(() -> StandardWebhookSigner.validateSecret("whsec_***")).hasMessageContaining("not base64");
    }
}
