package org.rectify.ui;

import java.util.Locale;

import org.rectify.notification.Notifications;
import org.rectify.notification.WeeklyDigests;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The notifications list and the bell's unread count (refreshed by htmx). */
@Controller
class NotificationPages {

    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
                Model model, Locale locale) {
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("notices", notifications.mine(unread, PageRequest.of(Math.max(page, 0), 20), locale));
        return "notifications";
    }

    @GetMapping("/notifications/bell")
    String bell() {
        return "fragments/layout :: bell";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable Long id, Locale locale) {
        var notice = notifications.markRead(id, locale);
        if (WeeklyDigests.KIND.equals(notice.kind())) {
            return "redirect:/dashboard";
        }
        if (notice.taskId() != null) {
            return "redirect:/tasks/" + notice.taskId();
        }
        return notice.problemId() != null ? "redirect:/problems/" + notice.problemId() : "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        notifications.markAllRead();
        return "redirect:/notifications";
    }
}
