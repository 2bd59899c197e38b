package org.rectify.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. An entry is first claimed by a conditional update (so that of several
 * senders, on one node or many, exactly one takes it), then sent, then marked sent. A sender that
 * runs again after success finds nothing to send. A failed attempt is retried later with back-off;
 * an entry claimed by a sender that died is taken over once its claim expires.
 */
@Component
public class MailOutboxSender {

    private static final Logger log = LoggerFactory.getLogger(MailOutboxSender.class);
    private static final Duration CLAIM = Duration.ofMinutes(5);
    private static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 100;

    private final MailOutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> mail;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String from;
    private final Counter sentEmails;
    private final Counter failedAttempts;

    MailOutboxSender(MailOutboxRepository outbox, ObjectProvider<JavaMailSender> mail, TransactionTemplate tx,
                     Clock clock, @Value("${rectify.mail.from:rectify@localhost}") String from,
                     MeterRegistry registry) {
        this.sentEmails = Counter.builder("rectify.mail.sent").description("Emails sent").register(registry);
        this.failedAttempts = Counter.builder("rectify.mail.send.failures")
                .description("Attempts to send an email that failed (each is retried later, up to a limit)")
                .register(registry);
        this.outbox = outbox;
        this.mail = mail;
        this.tx = tx;
        this.clock = clock;
        this.from = from;
    }

    /** Sends everything due, batch by batch; returns how many emails went out. */
    public int sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        List<Long> due;
        do {
            Instant now = clock.instant();
            due = tx.execute(s -> outbox.findDue(now, PageRequest.of(0, BATCH)));
            for (Long id : due) {
                MailOutboxEntry entry = claim(id, now);
                if (entry != null && deliver(sender, entry)) {
                    sent++;
                }
            }
        } while (due.size() == BATCH);
        return sent;
    }

    private MailOutboxEntry claim(Long id, Instant now) {
        return tx.execute(s -> outbox.claim(id, now, now.plus(CLAIM)) == 1 ? outbox.findById(id).orElseThrow() : null);
    }

    private boolean deliver(JavaMailSender sender, MailOutboxEntry entry) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(entry.getRecipient());
            helper.setSubject(entry.getSubject());
            helper.setText(entry.getBody(), false);
            message.saveChanges();
            message.setHeader("Message-ID", "<notification-" + entry.getNotificationId() + "@rectify>");
            sender.send(message);
            tx.executeWithoutResult(s -> outbox.markSent(entry.getId(), clock.instant()));
            sentEmails.increment();
            return true;
        } catch (Exception e) {
            failedAttempts.increment();
            boolean giveUp = entry.getAttempts() >= MAX_ATTEMPTS;
            Instant next = clock.instant().plus(Duration.ofSeconds(30L << Math.min(entry.getAttempts(), 10)));
            log.warn("email {} to {} failed (attempt {}): {}", entry.getId(), entry.getRecipient(),
                    entry.getAttempts(), e.getMessage());
            tx.executeWithoutResult(s -> outbox.markFailed(entry.getId(),
                    giveUp ? MailOutboxEntry.Status.FAILED : MailOutboxEntry.Status.PENDING, next,
                    String.valueOf(e.getMessage()).substring(0, Math.min(500, String.valueOf(e.getMessage()).length()))));
            return false;
        }
    }
}
