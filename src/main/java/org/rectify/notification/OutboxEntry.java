package org.rectify.notification;

import java.time.Instant;

import jakarta.persistence.*;

/**
 * What every outbox row holds besides its message: where it stands in claim → send → retry → give up. The
 * columns are the same in each outbox table ({@code mail_outbox}, {@code messenger_outbox}).
 */
@MappedSuperclass
abstract class OutboxEntry {

    enum Status {
        PENDING,
        SENDING,
        SENT,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int attempts;
    private Instant nextAttemptAt;
    private Instant claimedUntil;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;

    protected OutboxEntry() {}

    /** A new entry, to be sent at once. */
    protected OutboxEntry(Instant now) {
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    int getAttempts() {
        return attempts;
    }

    Status getStatus() {
        return status;
    }

    String getLastError() {
        return lastError;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }
}
