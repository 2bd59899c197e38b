package org.rectify.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MailOutboxRepository extends JpaRepository<MailOutboxEntry, Long> {

    @Query("""
            select m.id from MailOutboxEntry m
             where (m.status = 'PENDING' and m.nextAttemptAt <= :now)
                or (m.status = 'SENDING' and m.claimedUntil < :now)
             order by m.id""")
    List<Long> findDue(Instant now, Pageable page);

    /** Takes an entry for this sender; 0 when another sender (or node) was quicker. */
    @Modifying
    @Query("""
            update MailOutboxEntry m set m.status = 'SENDING', m.claimedUntil = :until, m.attempts = m.attempts + 1
             where m.id = :id and ((m.status = 'PENDING' and m.nextAttemptAt <= :now)
                                or (m.status = 'SENDING' and m.claimedUntil < :now))""")
    int claim(Long id, Instant now, Instant until);

    @Modifying
    @Query("update MailOutboxEntry m set m.status = 'SENT', m.sentAt = :now, m.claimedUntil = null where m.id = :id")
    int markSent(Long id, Instant now);

    @Modifying
    @Query("""
            update MailOutboxEntry m set m.status = :status, m.nextAttemptAt = :next, m.claimedUntil = null,
                   m.lastError = :error where m.id = :id""")
    int markFailed(Long id, MailOutboxEntry.Status status, Instant next, String error);

    long countByStatusIn(java.util.Collection<MailOutboxEntry.Status> statuses);

    /** When the oldest entry still to be sent was written; null when none waits. */
    @Query("select min(m.createdAt) from MailOutboxEntry m where m.status in ('PENDING', 'SENDING')")
    Instant oldestWaiting();
}
