package org.rectify.ui;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rectify.notification.MessengerChannelInput;
import org.rectify.notification.MessengerChannelView;
import org.rectify.notification.MessengerChannels;
import org.rectify.notification.MessengerKind;
import org.rectify.org.CurrentActor;
import org.rectify.org.OrgAdministration;
import org.rectify.org.OrgDirectory;
import org.rectify.org.UserView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ADMIN: the messenger channels, group robots of WeCom (企业微信) and DingTalk (钉钉) that hear of a unit's or a
 * user's notices, and the messages given up on, each of which can be sent again. A token or secret once saved
 * is never shown again; an empty field keeps it.
 */
@Controller
class AdminMessengerPages {

    private final MessengerChannels channels;
    private final OrgAdministration administration;
    private final OrgDirectory directory;
    private final CurrentActor current;
    private final MessageSource messages;

    AdminMessengerPages(
            MessengerChannels channels,
            OrgAdministration administration,
            OrgDirectory directory,
            CurrentActor current,
            MessageSource messages) {
        this.channels = channels;
        this.administration = administration;
        this.directory = directory;
        this.current = current;
        this.messages = messages;
    }

    /** An unchecked "enabled" box sends nothing: null, which means disabled. */
    record ChannelForm(
            @NotBlank @Size(max = 100) String name,
            @NotBlank String kind,
            Long unitId,
            Long userId,
            @Size(max = 600) String token,
            @Size(max = 300) String secret,
            Boolean enabled) {

        MessengerChannelInput input() {
            return new MessengerChannelInput(name, kind, unitId, userId, token, secret, Boolean.TRUE.equals(enabled));
        }

        @Override
        public String toString() {
            return input().toString();
        }
    }

    @GetMapping("/admin/messengers")
    String page(Model model) {
        model.addAttribute("channels", channels.list());
        model.addAttribute("failed", channels.failed());
        model.addAttribute("kinds", MessengerKind.values());
        model.addAttribute("units", new OrgTree(directory.subtree(current.get().regionPath()), Map.of()).choices());
        model.addAttribute(
                "users",
                administration.users().stream()
                        .filter(UserView::enabled)
                        .sorted(Comparator.comparing(UserView::username))
                        .toList());
        return "admin/messengers";
    }

    @PostMapping("/admin/messengers")
    String add(@Valid ChannelForm form, RedirectAttributes redirect, Locale locale) {
        MessengerChannelView added = channels.add(form.input());
        return done("admin.messengers.added", added.name(), redirect, locale);
    }

    @PostMapping("/admin/messengers/{id}")
    String change(@PathVariable Long id, @Valid ChannelForm form, RedirectAttributes redirect, Locale locale) {
        MessengerChannelView changed = channels.change(id, form.input());
        return done("admin.messengers.changed", changed.name(), redirect, locale);
    }

    @PostMapping("/admin/messengers/{id}/disable")
    String disable(@PathVariable Long id, RedirectAttributes redirect, Locale locale) {
        MessengerChannelView disabled = channels.disable(id);
        return done("admin.messengers.disabled", disabled.name(), redirect, locale);
    }

    @PostMapping("/admin/messengers/{id}/test")
    String test(@PathVariable Long id, RedirectAttributes redirect, Locale locale) {
        MessengerChannels.TestResult result = channels.test(id);
        if (result.delivered()) {
            return done("admin.messengers.tested", null, redirect, locale);
        }
        redirect.addFlashAttribute(
                "error", messages.getMessage("admin.messengers.testFailed", new Object[] {result.error()}, locale));
        return "redirect:/admin/messengers";
    }

    @PostMapping("/admin/messengers/deliveries/{id}/retry")
    String retry(@PathVariable Long id, RedirectAttributes redirect, Locale locale) {
        channels.retry(id);
        return done("admin.messengers.retried", null, redirect, locale);
    }

    private String done(String key, String name, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("notice", messages.getMessage(key, new Object[] {name}, locale));
        return "redirect:/admin/messengers";
    }
}
