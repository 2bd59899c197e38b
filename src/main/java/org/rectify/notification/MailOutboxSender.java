package org.rectify.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the email outbox as every {@link OutboxSender} does. Any failure to send is retried, 1 min, 2 min,
 * 4 min, ... later; after 8 attempts the email is FAILED.
 */
@Component
public class MailOutboxSender extends OutboxSender<MailOutboxEntry> {

    private static final Logger log = LoggerFactory.getLogger(MailOutboxSender.class);
    private static final int MAX_ATTEMPTS = 8;

    private final MailOutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    MailOutboxSender(
            MailOutboxRepository outbox,
            ObjectProvider<JavaMailSender> mail,
            TransactionTemplate tx,
            Clock clock,
            @Value("${rectify.mail.from:rectify@localhost}") String from,
            MeterRegistry registry) {
        super(outbox, tx, clock, registry, "rectify.mail", "Emails sent", "send an email");
        this.outbox = outbox;
        this.mail = mail;
        this.from = from;
    }

    /** Sends everything due, batch by batch; returns how many emails went out. */
    public int sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        return sendDue(entry -> new Attempt() {
            @Override
            public void send() throws Exception {
                sender.send(message(sender, entry));
            }

            @Override
            public Failed failed(Exception e) {
                log.warn(
                        "email {} to {} failed (attempt {}): {}",
                        entry.getId(),
                        entry.getRecipient(),
                        entry.getAttempts(),
                        e.getMessage());
                String error = String.valueOf(e.getMessage());
                return new Failed(
                        entry.getAttempts() >= MAX_ATTEMPTS, error.substring(0, Math.min(500, error.length())));
            }
        });
    }

    @Override
    void markSent(Long id, Instant now) {
        outbox.markSent(id, now);
    }

    /** The email waits a minute after its first failure, as it always has. */
    @Override
    Duration retryAfter(int attempts) {
        return Duration.ofSeconds(30L << Math.min(attempts, 10));
    }

    private MimeMessage message(JavaMailSender sender, MailOutboxEntry entry) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(entry.getRecipient());
        helper.setSubject(entry.getSubject());
        helper.setText(entry.getBody(), false);
        message.saveChanges();
        message.setHeader("Message-ID", "<notification-" + entry.getNotificationId() + "@rectify>");
        return message;
    }
}
