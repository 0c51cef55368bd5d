package io.trailwatch.alert.testing;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads a test mailbox over IMAP from the GreenMail server. */
public final class Mailbox {

    private Mailbox() {
    }

    /** The messages in {@code address}'s inbox (empty while the mailbox does not exist). */
    public static List<MimeMessage> read(String address) {
        int port = ConfigProvider.getConfig().getValue("trailwatch.test.imap-port", Integer.class);
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(port));
        try {
            Store store = Session.getInstance(props).getStore("imap");
            store.connect("127.0.0.1", port, address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<MimeMessage> messages = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    messages.add(new MimeMessage((MimeMessage) m));
                }
                inbox.close(false);
                return messages;
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            return List.of();
        }
    }
}
