package org.rectify.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * The queries every outbox runs on its own table ({@code #{#entityName}} is the entity of the repository that
 * extends this one). Marking an entry sent is left to each outbox: they keep different columns.
 */
@NoRepositoryBean
interface OutboxRepository<E extends OutboxEntry> extends JpaRepository<E, Long> {

    @Query("""
            select m.id from #{#entityName} m
             where (m.status = 'PENDING' and m.nextAttemptAt <= :now)
                or (m.status = 'SENDING' and m.claimedUntil < :now)
             order by m.id""")
    List<Long> findDue(Instant now, Pageable page);

    /** Takes an entry for this sender; 0 when another sender (or node) was quicker. */
    @Modifying
    @Query("""
            update #{#entityName} m set m.status = 'SENDING', m.claimedUntil = :until, m.attempts = m.attempts + 1
             where m.id = :id and ((m.status = 'PENDING' and m.nextAttemptAt <= :now)
                                or (m.status = 'SENDING' and m.claimedUntil < :now))""")
    int claim(Long id, Instant now, Instant until);

    @Modifying
    @Query("""
            update #{#entityName} m set m.status = :status, m.nextAttemptAt = :next, m.claimedUntil = null,
                   m.lastError = :error where m.id = :id""")
    int markFailed(Long id, OutboxEntry.Status status, Instant next, String error);

    long countByStatusIn(Collection<OutboxEntry.Status> statuses);

    /** When the oldest entry still to be sent was written; null when none waits. */
    @Query("select min(m.createdAt) from #{#entityName} m where m.status in ('PENDING', 'SENDING')")
    Instant oldestWaiting();
}
