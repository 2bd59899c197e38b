package org.rectify.notification;

import java.time.Instant;

import jakarta.persistence.*;
import org.rectify.audit.Unaudited;

/** A message to a messenger channel, written in the transaction of the notification it carries. */
@Entity
@Unaudited("delivery state of a notice already audited with its action; a retry by hand is audited by its service")
@Table(name = "messenger_outbox")
class MessengerOutboxEntry extends OutboxEntry {

    private Long channelId;
    private String messageKey;
    private Long notificationId;
    private Long problemId;
    private String title;
    private String body;

    protected MessengerOutboxEntry() {}

    MessengerOutboxEntry(
            Long channelId,
            String messageKey,
            Long notificationId,
            Long problemId,
            String title,
            String body,
            Instant now) {
        super(now);
        this.channelId = channelId;
        this.messageKey = messageKey;
        this.notificationId = notificationId;
        this.problemId = problemId;
        this.title = title;
        this.body = body;
    }

    MessengerDeliveryView view(String channelName) {
        return new MessengerDeliveryView(
                getId(),
                channelId,
                channelName,
                title,
                getStatus().name(),
                getAttempts(),
                getLastError(),
                getCreatedAt(),
                getStatus() == Status.PENDING ? getNextAttemptAt() : null);
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
}
