package org.rectify.notification.web;

import java.util.Locale;
import java.util.Map;

import org.rectify.notification.NotificationView;
import org.rectify.notification.Notifications;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.*;

/** The caller's notifications; texts in the request's language (Chinese unless English is asked for). */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    Page<NotificationView> mine(@RequestParam(defaultValue = "false") boolean unreadOnly,
                                @PageableDefault(size = 20) Pageable page, Locale locale) {
        return notifications.mine(unreadOnly, page, locale);
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.unreadCount());
    }

    @PostMapping("/{id}/read")
    NotificationView markRead(@PathVariable Long id, Locale locale) {
        return notifications.markRead(id, locale);
    }

    @PostMapping("/read-all")
    Map<String, Integer> markAllRead() {
        return Map.of("marked", notifications.markAllRead());
    }
}
