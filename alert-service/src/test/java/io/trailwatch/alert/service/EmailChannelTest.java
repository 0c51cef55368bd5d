package io.trailwatch.alert.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trailwatch.alert.testing.Api;
import io.trailwatch.alert.testing.Deliveries;
import io.trailwatch.alert.testing.Findings;
import io.trailwatch.alert.testing.GreenMailResource;
import io.trailwatch.alert.testing.Mailbox;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** E-mail through a real SMTP server: HTML and text parts, finding values escaped in the HTML. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class EmailChannelTest {

    @Test
    void sendsAnHtmlAndTextMailWithEveryFindingValueEscaped() throws Exception {
        String account = Findings.uniqueAccount();
        String to = "soc-" + account + "@example.test";
        String channel = "mail-" + account;
        Api.createChannel("""
                {"name": "%s", "type": "email", "to": ["%s"], "cc": ["lead-%s@example.test"]}"""
                .formatted(channel, to, account)).statusCode(201);
        WebhookDeliveryTest.route(account, channel);
        String id = Findings.newId();
        Findings.publish(Findings.hostile(id, "cis-console-signin-without-mfa", "high", account));

        await().atMost(Duration.ofSeconds(45)).until(() -> Mailbox.read(to).size() == 1);
        MimeMessage mail = Mailbox.read(to).get(0);
        assertThat(mail.getSubject()).isEqualTo("[Trailwatch] [HIGH] Root account usage in " + account);
        assertThat(mail.getRecipients(Message.RecipientType.CC)[0].toString()).isEqualTo("lead-" + account
                + "@example.test");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("trailwatch@test.invalid");
        assertThat(mail.getHeader("References")[0]).startsWith("<tw-").endsWith("@trailwatch>");

        String html = part(mail, "text/html");
        String text = part(mail, "text/plain");
        assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("href=\"https://trailwatch.test/findings/" + id + "\"");
        assertThat(text).contains("<script>alert(1)</script>").contains("https://trailwatch.test/findings/" + id);
        assertThat(Deliveries.of(channel, "delivered")).hasSize(1);
        assertThat(Deliveries.of(channel).get(0).get("responseCode").asInt()).isEqualTo(250);
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        Object content = mail.getContent();
        if (content instanceof Multipart multipart) {
            String found = find(multipart, type);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no " + type + " part in " + GreenMailUtil.getWholeMessage(mail));
    }

    private static String find(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        return null;
    }
}
