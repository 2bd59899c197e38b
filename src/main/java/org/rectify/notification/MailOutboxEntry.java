package org.rectify.notification;

import java.time.Instant;

import jakarta.persistence.*;
import org.rectify.audit.Unaudited;

/** An email waiting to be sent, written in the transaction of the notification it belongs to. */
@Entity
@Unaudited("delivery state of a notice already audited with its action")
@Table(name = "mail_outbox")
class MailOutboxEntry extends OutboxEntry {

    private Long notificationId;
    private String recipient;
    private String subject;
    private String body;

    protected MailOutboxEntry() {}

    MailOutboxEntry(Long notificationId, String recipient, String subject, String body, Instant now) {
        super(now);
        this.notificationId = notificationId;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
    }

    Long getNotificationId() {
        return notificationId;
    }

    String getRecipient() {
        return recipient;
    }

    String getSubject() {
        return subject;
    }

    String getBody() {
        return body;
    }
}
