package io.trailwatch.alert.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.trailwatch.infra.FreePorts;
import java.util.Map;

/**
 * A real mail server (GreenMail) on loopback: Quarkus Mailer sends to its SMTP port, tests read the mailboxes over
 * IMAP ({@code trailwatch.test.imap-port}; GreenMail creates each recipient with the address as password).
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(FreePorts.pick(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(FreePorts.pick(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(greenMail.getSmtp().getPort()),
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                "trailwatch.test.imap-port", String.valueOf(greenMail.getImap().getPort()));
    }

    @Override
    public void stop() {
        greenMail.stop();
    }
}
