package org.rectify.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rectify.org.OrgDirectory;
import org.rectify.org.UserView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifies users in-app and, as each prefers, by email (through the outbox) and their own messengers, at once or in
 * their daily digest; the unit's group robots hear each new notice at once.
 * Runs inside the transaction of the change: no change without its notices, no notice without its change.
 * <p>
 * What keeps notices readable: a user hears nothing of the groups they turned off; a notice of a kind about a
 * problem folds into the user's unread row of that kind and problem (the row counts them, takes the latest
 * words and moves up; no second email goes out for it); and an event that several subjects announce (a problem
 * and its task reaching the same deadline) is told once.
 */
@Service
public class Notifier {

    private final NotificationRepository notifications;
    private final MailOutboxRepository outbox;
    private final NotificationPreferences preferences;
    private final NoticeEvents events;
    private final Messengers messengers;
    private final OrgDirectory org;
    private final MessageSource messages;
    private final Clock clock;
    private final boolean mailEnabled;

    Notifier(
            NotificationRepository notifications,
            MailOutboxRepository outbox,
            NotificationPreferences preferences,
            NoticeEvents events,
            Messengers messengers,
            OrgDirectory org,
            MessageSource messages,
            Clock clock,
            @Value("${rectify.mail.enabled:false}") boolean mailEnabled) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.preferences = preferences;
        this.events = events;
        this.messengers = messengers;
        this.org = org;
        this.messages = messages;
        this.clock = clock;
        this.mailEnabled = mailEnabled;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void notify(Collection<Long> recipients, Notice notice) {
        notifyOnce(recipients, notice, null);
    }

    /**
     * Notifies each recipient who has not been told of the event yet; one who has is not told again (the row
     * that told them counts one more notice).
     *
     * @param eventKey names the event, the same whichever subject announces it; null for a notice of its own
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyOnce(Collection<Long> recipients, Notice notice, String eventKey) {
        Notification.Texts zh = texts(notice, Locale.SIMPLIFIED_CHINESE);
        Notification.Texts en = texts(notice, Locale.ENGLISH);
        Map<Long, UserView> users = org.users(new LinkedHashSet<>(recipients));
        Map<Long, Preferences> chosen = preferences.of(users.keySet());
        for (UserView user : users.values()) {
            tell(user, chosen.get(user.id()), notice, zh, en, eventKey);
        }
    }

    /** One notification whose texts the caller worded (they differ by more than the language), and its email. */
    @Transactional(propagation = Propagation.MANDATORY)
    void deliver(UserView user, Notice notice, Notification.Texts zh, Notification.Texts en) {
        tell(user, preferences.of(List.of(user.id())).get(user.id()), notice, zh, en, null);
    }

    private void tell(
            UserView user,
            Preferences chosen,
            Notice notice,
            Notification.Texts zh,
            Notification.Texts en,
            String eventKey) {
        if (!chosen.hears(notice.kind())) {
            return;
        }
        if (eventKey != null) {
            Long told = events.toldIn(user.id(), eventKey);
            if (told != null) {
                notifications.retold(told);
                return;
            }
        }
        Long folded = fold(user, notice, zh, en);
        if (folded != null) {
            if (eventKey != null) {
                events.told(user.id(), eventKey, folded);
            }
            return;
        }
        Notification n = new Notification(user.id(), notice, zh, en, clock.instant());
        boolean held = chosen.digest() && !WeeklyDigests.KIND.equals(notice.kind());
        n = notifications.save(held ? n.heldForDigest() : n);
        if (eventKey != null) {
            events.told(user.id(), eventKey, n.getId());
        }
        messengers.toGroups(n.getId(), user, zh, en, notice.kind(), notice.problemId());
        if (!held) {
            send(user, chosen, n);
        }
    }

    /** Folds the notice into the user's unread row of its kind and problem; the row's id, or null if none. */
    private Long fold(UserView user, Notice notice, Notification.Texts zh, Notification.Texts en) {
        String key = Notification.foldKey(notice);
        if (key == null) {
            return null;
        }
        for (Long id : notifications.unreadWithFoldKey(user.id(), key, PageRequest.of(0, 1))) {
            if (notifications.fold(id, notice.taskId(), zh.title(), en.title(), zh.body(), en.body(), clock.instant())
                    == 1) {
                return id;
            }
        }
        return null;
    }

    /** Sends a notification out of the app by the channels the user chose: email, and their own messengers. */
    void send(UserView user, Preferences chosen, Notification n) {
        if (mailEnabled
                && chosen.channels().contains(Channel.EMAIL)
                && user.email() != null
                && !user.email().isBlank()) {
            outbox.save(new MailOutboxEntry(n.getId(), user.email(), n.subject(), n.mailBody(), clock.instant()));
        }
        messengers.toOwn(
                n.getId(),
                user,
                n.texts(Locale.SIMPLIFIED_CHINESE),
                n.texts(Locale.ENGLISH),
                n.getProblemId(),
                chosen.channels());
    }

    private Notification.Texts texts(Notice notice, Locale locale) {
        String key = "notice." + notice.kind();
        return new Notification.Texts(
                messages.getMessage(key + ".title", notice.args(), locale),
                messages.getMessage(key + ".body", notice.args(), locale));
    }
}
