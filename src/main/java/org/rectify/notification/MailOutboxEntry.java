package org.rectify.notification;

import org.rectify.audit.Unaudited;
import java.time.Instant;

import jakarta.persistence.*;

/** An email waiting to be sent, written in the transaction of the notification it belongs to. */
@Entity
@Unaudited("delivery state of a notice already audited with its action")
@Table(name = "mail_outbox")
class MailOutboxEntry {

    enum Status { PENDING, SENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long notificationId;
    private String recipient;
    private String subject;
    private String body;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant claimedUntil;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;

    protected MailOutboxEntry() {
    }

    MailOutboxEntry(Long notificationId, String recipient, String subject, String body, Instant now) {
        this.notificationId = notificationId;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    Long getId() {
        return id;
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

    int getAttempts() {
        return attempts;
    }

    Status getStatus() {
        return status;
    }
}
