package org.rectify.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    /** In the order the rows were written, the latest first. */
    Page<Notification> findByRecipientIdOrderByIdDesc(Long recipientId, Pageable page);

    Page<Notification> findByRecipientIdAndReadAtIsNullOrderByIdDesc(Long recipientId, Pageable page);

    /** What needs attention first: unread before read, and of those what asks for action, newest first. */
    @Query(value = """
            select n from Notification n where n.recipientId = :recipientId
             order by case when n.readAt is null then 0 else 1 end, n.needsAction desc, n.lastAt desc, n.id desc""", countQuery = "select count(n) from Notification n where n.recipientId = :recipientId")
    Page<Notification> attention(Long recipientId, Pageable page);

    @Query(
            value = """
            select n from Notification n where n.recipientId = :recipientId and n.readAt is null
             order by n.needsAction desc, n.lastAt desc, n.id desc""",
            countQuery = "select count(n) from Notification n where n.recipientId = :recipientId and n.readAt is null")
    Page<Notification> attentionUnread(Long recipientId, Pageable page);

    long countByRecipientIdAndReadAtIsNull(Long recipientId);

    /** The unread count and, of those, how many ask for action, in one query. */
    @Query("""
            select count(n), sum(case when n.needsAction = true then 1 else 0 end) from Notification n
             where n.recipientId = :recipientId and n.readAt is null""")
    List<Object[]> bell(Long recipientId);

    Optional<Notification> findByIdAndRecipientId(Long id, Long recipientId);

    long countByKindAndTaskId(String kind, Long taskId);

    /** The unread row a notice of this fold key would fold into, if any. */
    @Query("""
            select n.id from Notification n where n.recipientId = :recipientId and n.foldKey = :foldKey
               and n.readAt is null order by n.id desc""")
    List<Long> unreadWithFoldKey(Long recipientId, String foldKey, Pageable first);

    /**
     * Folds one more notice into an unread row: its count goes up, it takes the latest texts and time, and it
     * points at the problem alone when the notices are about different tasks. 0 if it was read meanwhile.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Notification n set n.notices = n.notices + 1, n.lastAt = :now, n.titleZh = :titleZh,
                   n.titleEn = :titleEn, n.bodyZh = :bodyZh, n.bodyEn = :bodyEn,
                   n.taskId = case when n.taskId = :taskId then n.taskId else null end
             where n.id = :id and n.readAt is null""")
    int fold(Long id, Long taskId, String titleZh, String titleEn, String bodyZh, String bodyEn, Instant now);

    /** Counts one more notice of an event the row already told. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Notification n set n.notices = n.notices + 1 where n.id = :id")
    int retold(Long id);

    /** The rows whose email and messages wait for the recipient's daily digest, oldest first. */
    @Query("""
            select n from Notification n where n.recipientId = :recipientId and n.heldForDigest = true
               and n.createdAt <= :until order by n.id""")
    List<Notification> heldForDigest(Long recipientId, Instant until);

    @Query("select distinct n.recipientId from Notification n where n.heldForDigest = true")
    List<Long> recipientsWithHeld();

    @Modifying
    @Query("update Notification n set n.heldForDigest = false where n.id in :ids")
    int released(List<Long> ids);

    @Modifying
    @Query("update Notification n set n.readAt = :now where n.recipientId = :recipientId and n.readAt is null")
    int markAllRead(Long recipientId, Instant now);
}
