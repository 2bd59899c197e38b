package org.rectify.notification;

import java.time.Instant;

import jakarta.persistence.*;
import org.rectify.audit.Unaudited;

/** A message to a messenger channel, written in the transaction of the notification it carries. */
@Entity
@Unaudited("delivery state of a notice already audited with its action; a retry by hand is audited by its service")
@Table(name = "messenger_outbox")
class MessengerOutboxEntry {

    enum Status { PENDING, SENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long channelId;
    private String messageKey;
    private Long notificationId;
    private Long problemId;
    private String title;
    private String body;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant claimedUntil;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;

    protected MessengerOutboxEntry() {
    }

    MessengerOutboxEntry(Long channelId, String messageKey, Long notificationId, Long problemId, String title,
                         String body, Instant now) {
        this.channelId = channelId;
        this.messageKey = messageKey;
        this.notificationId = notificationId;
        this.problemId = problemId;
        this.title = title;
        this.body = body;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    MessengerDeliveryView view(String channelName) {
        return new MessengerDeliveryView(id, channelId, channelName, title, status.name(), attempts, lastError,
                createdAt, status == Status.PENDING ? nextAttemptAt : null);
    }

    Long getId() {
        return id;
    }

    Long getChannelId() {
        return channelId;
    }

    String getTitle() {
        return title;
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
