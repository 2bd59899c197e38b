package org.rectify.notification;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which events each user has been told of (table {@code notification_event}), so that an event announced by
 * several subjects, a problem and its task reaching one deadline, is told once. JDBC in the caller's
 * transaction; two transactions telling one event at the same moment meet at the primary key, and the later
 * one fails (and is retried by its job) instead of telling it twice.
 */
@Component
class NoticeEvents {

    private final JdbcTemplate jdbc;

    NoticeEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The notification that told the user of this event, or null if none has. */
    Long toldIn(Long userId, String eventKey) {
        List<Long> found = jdbc.queryForList(
                "select notification_id from notification_event where recipient_id = ? and event_key = ?",
                Long.class,
                userId,
                eventKey);
        return found.isEmpty() ? null : found.get(0);
    }

    void told(Long userId, String eventKey, Long notificationId) {
        jdbc.update(
                "insert into notification_event (recipient_id, event_key, notification_id) values (?, ?, ?)",
                userId,
                eventKey,
                notificationId);
    }
}
