package org.rectify.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import org.rectify.common.InvalidInputException;
import org.rectify.notification.Channel;
import org.rectify.notification.DailyDigests;
import org.rectify.notification.NoticeGroup;
import org.rectify.notification.NotificationPreferences;
import org.rectify.notification.Notifications;
import org.rectify.notification.Preferences;
import org.rectify.notification.WeeklyDigests;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The notifications list (what asks for action first), the bell (refreshed by htmx), and one's own preferences. */
@Controller
class NotificationPages {

    private final Notifications notifications;
    private final NotificationPreferences preferences;

    NotificationPages(Notifications notifications, NotificationPreferences preferences) {
        this.notifications = notifications;
        this.preferences = preferences;
    }

    @GetMapping("/notifications")
    String list(
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            Locale locale) {
        model.addAttribute("unreadOnly", unread);
        model.addAttribute(
                "notices",
                notifications.mine(
                        unread, Notifications.Order.ATTENTION, PageRequest.of(Math.max(page, 0), 20), locale));
        return "notifications";
    }

    @GetMapping("/notifications/preferences")
    String preferences(Model model) {
        model.addAttribute("preferences", preferences.mine());
        model.addAttribute("groups", NoticeGroup.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("hours", IntStream.range(0, 24).boxed().toList());
        return "notification-preferences";
    }

    /** The form sends the groups left on; the others are turned off. */
    @PostMapping("/notifications/preferences")
    String changePreferences(
            @RequestParam(name = "heard", required = false) List<String> heard,
            @RequestParam(name = "channel", required = false) List<String> channels,
            @RequestParam(defaultValue = "false") boolean digest,
            @RequestParam(required = false) Integer digestHour,
            RedirectAttributes redirect) {
        Set<String> on = heard == null ? Set.of() : Set.copyOf(heard);
        List<String> muted = Arrays.stream(NoticeGroup.values())
                .filter(g -> !g.required())
                .map(Enum::name)
                .filter(g -> !on.contains(g))
                .toList();
        if (digest && digestHour == null) {
            throw new InvalidInputException(
                    "digestHour", "rule.notification.digestHour", "choose the hour of the daily digest", "-");
        }
        preferences.change(Preferences.parse(muted, channels, digest ? digestHour : null));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/notifications/preferences";
    }

    @GetMapping("/notifications/bell")
    String bell() {
        return "fragments/layout :: bell";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable Long id, Locale locale) {
        var notice = notifications.markRead(id, locale);
        if (DailyDigests.KIND.equals(notice.kind())) {
            return "redirect:/notifications";
        }
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
