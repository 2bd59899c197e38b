package org.rectify.notification.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rectify.notification.NotificationPreferences;
import org.rectify.notification.NotificationView;
import org.rectify.notification.Notifications;
import org.rectify.notification.Preferences;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.*;

/** The caller's notifications; texts in the request's language (Chinese unless English is asked for). */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Notifications notifications;
    private final NotificationPreferences preferences;

    NotificationController(Notifications notifications, NotificationPreferences preferences) {
        this.notifications = notifications;
        this.preferences = preferences;
    }

    /** The latest written first, or with {@code order=ATTENTION} as the bell lists them (unread, action first). */
    @GetMapping
    Page<NotificationView> mine(
            @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "LATEST") Notifications.Order order,
            @PageableDefault(size = 20) Pageable page,
            Locale locale) {
        return notifications.mine(unreadOnly, order, page, locale);
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount() {
        Notifications.Bell bell = notifications.bell();
        return Map.of("unread", bell.unread(), "action", bell.action());
    }

    @GetMapping("/preferences")
    Preferences preferences() {
        return preferences.mine();
    }

    /** The preferences as names: groups turned off, channels, and the digest's hour or null. */
    record PreferencesForm(List<String> muted, List<String> channels, Integer digestHour) {}

    @PutMapping("/preferences")
    Preferences changePreferences(@RequestBody PreferencesForm form) {
        return preferences.change(Preferences.parse(form.muted(), form.channels(), form.digestHour()));
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
