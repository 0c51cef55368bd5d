package io.trailwatch.alert.client;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.trailwatch.alert.config.AlertConfig;
import io.trailwatch.alert.model.ChannelType;
import io.trailwatch.alert.model.Notification;
import io.trailwatch.alert.model.ResolvedChannel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * E-mail through Quarkus Mailer: an HTML part (Qute escapes every value) and a text part. Mails of one group carry
 * the same References header, so mail clients thread them.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    /** What the templates show. */
    @TemplateData
    public record EmailView(String headline, String url, String groupKey,
                            List<NotificationText.Fact> facts, List<FindingLine> findings, int more) {
    }

    /** One finding in the mail. */
    @TemplateData
    public record FindingLine(String text, String url, boolean resolved) {
    }

    private final ReactiveMailer mailer;
    private final Template html;
    private final Template text;
    private final Duration timeout;

    public EmailSender(ReactiveMailer mailer, @Location("email/notification.html") Template html,
                       @Location("email/notification.txt") Template text, AlertConfig config) {
        this.mailer = mailer;
        this.html = html;
        this.text = text;
        this.timeout = config.connectTimeout().plus(config.requestTimeout());
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public SendOutcome send(ResolvedChannel channel, Notification n) {
        EmailView view = view(n);
        Mail mail = new Mail()
                .setTo(channel.list("to"))
                .setCc(channel.list("cc"))
                .setSubject(subject(channel.text("subjectPrefix"), n))
                .setHtml(html.data("mail", view).render())
                .setText(text.data("mail", view).render())
                .addHeader("X-Trailwatch-Group-Key", n.groupKey())
                .addHeader("References", "<" + n.groupKey() + "@trailwatch>");
        String from = channel.text("from");
        if (from != null && !from.isBlank()) {
            mail.setFrom(from);
        }
        try {
            mailer.send(mail).await().atMost(timeout);
            return SendOutcome.delivered(250, null);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return SendOutcome.retry(null, "the SMTP server did not take the mail: "
                    + TextSafety.truncate(TextSafety.singleLine(reason), 300), null);
        }
    }

    static String subject(String prefix, Notification n) {
        String subject = (prefix == null || prefix.isBlank() ? "" : prefix + " ")
                + "[" + n.severity().wireName().toUpperCase() + "] " + n.headline();
        return TextSafety.truncate(TextSafety.singleLine(subject), 200);
    }

    static EmailView view(Notification n) {
        List<FindingLine> findings = n.findings().stream()
                .map(f -> new FindingLine(NotificationText.line(f), f.url().toString(), f.resolved())).toList();
        return new EmailView(n.headline(), n.url().toString(), n.groupKey(),
                NotificationText.facts(n), findings, n.truncated());
    }
}
