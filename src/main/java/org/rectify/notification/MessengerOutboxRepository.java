package org.rectify.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MessengerOutboxRepository extends JpaRepository<MessengerOutboxEntry, Long> {

    boolean existsByChannelIdAndMessageKey(Long channelId, String messageKey);

    @Query("""
            select m.id from MessengerOutboxEntry m
             where (m.status = 'PENDING' and m.nextAttemptAt <= :now)
                or (m.status = 'SENDING' and m.claimedUntil < :now)
             order by m.id""")
    List<Long> findDue(Instant now, Pageable page);

    /** Takes a message for this sender; 0 when another sender (or node) was quicker. */
    @Modifying
    @Query("""
            update MessengerOutboxEntry m set m.status = 'SENDING', m.claimedUntil = :until, m.attempts = m.attempts + 1
             where m.id = :id and ((m.status = 'PENDING' and m.nextAttemptAt <= :now)
                                or (m.status = 'SENDING' and m.claimedUntil < :now))""")
    int claim(Long id, Instant now, Instant until);

    @Modifying
    @Query("""
            update MessengerOutboxEntry m set m.status = 'SENT', m.sentAt = :now, m.claimedUntil = null,
                   m.lastError = null where m.id = :id""")
    int markSent(Long id, Instant now);

    @Modifying
    @Query("""
            update MessengerOutboxEntry m set m.status = :status, m.nextAttemptAt = :next, m.claimedUntil = null,
                   m.lastError = :error where m.id = :id""")
    int markFailed(Long id, MessengerOutboxEntry.Status status, Instant next, String error);

    /** Sends a given-up message again from the start: its attempts counted afresh. */
    @Modifying
    @Query("""
            update MessengerOutboxEntry m set m.status = 'PENDING', m.attempts = 0, m.nextAttemptAt = :now
             where m.id = :id and m.status = 'FAILED'""")
    int retry(Long id, Instant now);

    List<MessengerOutboxEntry> findByStatusOrderByIdDesc(MessengerOutboxEntry.Status status, Pageable page);

    long countByStatusIn(Collection<MessengerOutboxEntry.Status> statuses);

    @Query("select min(m.createdAt) from MessengerOutboxEntry m where m.status in ('PENDING', 'SENDING')")
    Instant oldestWaiting();
}
