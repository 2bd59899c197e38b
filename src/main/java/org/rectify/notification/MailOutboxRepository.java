package org.rectify.notification;

import java.time.Instant;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MailOutboxRepository extends OutboxRepository<MailOutboxEntry> {

    /** A sent email keeps the error of its last failed attempt, if any. */
    @Modifying
    @Query("update MailOutboxEntry m set m.status = 'SENT', m.sentAt = :now, m.claimedUntil = null where m.id = :id")
    int markSent(Long id, Instant now);
}
