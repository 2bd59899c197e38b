package org.rectify.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MessengerOutboxRepository extends OutboxRepository<MessengerOutboxEntry> {

    boolean existsByChannelIdAndMessageKey(Long channelId, String messageKey);

    /** A sent message shows no error (the administrator's list reads it). */
    @Modifying
    @Query("""
            update MessengerOutboxEntry m set m.status = 'SENT', m.sentAt = :now, m.claimedUntil = null,
                   m.lastError = null where m.id = :id""")
    int markSent(Long id, Instant now);

    /** Sends a given-up message again from the start: its attempts counted afresh. */
    @Modifying
    @Query("""
            update MessengerOutboxEntry m set m.status = 'PENDING', m.attempts = 0, m.nextAttemptAt = :now
             where m.id = :id and m.status = 'FAILED'""")
    int retry(Long id, Instant now);

    List<MessengerOutboxEntry> findByStatusOrderByIdDesc(OutboxEntry.Status status, Pageable page);
}
