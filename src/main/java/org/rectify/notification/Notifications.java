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

    @Transactional(readOnly = true)
    public Page<NotificationView> mine(boolean unreadOnly, Pageable page, Locale locale) {
        Long me = current.get().userId();
        Page<Notification> found = unreadOnly ? notifications.findByRecipientIdAndReadAtIsNullOrderByIdDesc(me, page)
                : notifications.findByRecipientIdOrderByIdDesc(me, page);
        return found.map(n -> n.view(locale));
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return notifications.countByRecipientIdAndReadAtIsNull(current.get().userId());
    }

    public NotificationView markRead(Long id, Locale locale) {
        Notification n = notifications.findByIdAndRecipientId(id, current.get().userId())
                .orElseThrow(() -> new NotFoundException("notification", id));
        n.markRead(clock.instant());
        return n.view(locale);
    }

    public int markAllRead() {
        return notifications.markAllRead(current.get().userId(), clock.instant());
    }
}
