package org.rectify.notification;

import java.time.Clock;
import java.util.Locale;

import org.rectify.common.NotFoundException;
import org.rectify.org.CurrentActor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own notifications: list, unread count, mark read. Others' are not found. */
@Service
@Transactional
public class Notifications {

    private final NotificationRepository notifications;
    private final CurrentActor current;
    private final Clock clock;

    Notifications(NotificationRepository notifications, CurrentActor current, Clock clock) {
        this.notifications = notifications;
        this.current = current;
        this.clock = clock;
    }

    /** The order of a list of notifications. */
    public enum Order {
        /** The latest written first (a row that notices fold into keeps its place). */
        LATEST,
        /** Unread first, and of those what asks for action, then newest first: the bell's list. */
        ATTENTION
    }

    @Transactional(readOnly = true)
    public Page<NotificationView> mine(boolean unreadOnly, Order order, Pageable page, Locale locale) {
        Long me = current.get().userId();
        Page<Notification> found = order == Order.ATTENTION
                ? (unreadOnly ? notifications.attentionUnread(me, page) : notifications.attention(me, page))
                : (unreadOnly
                        ? notifications.findByRecipientIdAndReadAtIsNullOrderByIdDesc(me, page)
                        : notifications.findByRecipientIdOrderByIdDesc(me, page));
        return found.map(n -> n.view(locale));
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return notifications.countByRecipientIdAndReadAtIsNull(current.get().userId());
    }

    /** What the bell shows: the signed-in user's unread notifications, and how many of them ask for action. */
    public record Bell(long unread, long action) {}

    @Transactional(readOnly = true)
    public Bell bell() {
        Object[] counts = notifications.bell(current.get().userId()).get(0);
        return new Bell(((Number) counts[0]).longValue(), counts[1] == null ? 0 : ((Number) counts[1]).longValue());
    }

    public NotificationView markRead(Long id, Locale locale) {
        Notification n = notifications
                .findByIdAndRecipientId(id, current.get().userId())
                .orElseThrow(() -> new NotFoundException("notification", id));
        n.markRead(clock.instant());
        return n.view(locale);
    }

    public int markAllRead() {
        return notifications.markAllRead(current.get().userId(), clock.instant());
    }
}
