package org.rectify.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;

import org.rectify.org.OrgDirectory;
import org.rectify.org.UserView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifies users in-app and, when they have an address and mail is on, by email through the outbox.
 * Runs inside the transaction of the change: no change without its notices, no notice without its
 * change.
 */
@Service
public class Notifier {

    private final NotificationRepository notifications;
    private final MailOutboxRepository outbox;
    private final Messengers messengers;
    private final OrgDirectory org;
    private final MessageSource messages;
    private final Clock clock;
    private final boolean mailEnabled;

    Notifier(NotificationRepository notifications, MailOutboxRepository outbox, Messengers messengers,
             OrgDirectory org, MessageSource messages, Clock clock,
             @Value("${rectify.mail.enabled:false}") boolean mailEnabled) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.messengers = messengers;
        this.org = org;
        this.messages = messages;
        this.clock = clock;
        this.mailEnabled = mailEnabled;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void notify(Collection<Long> recipients, Notice notice) {
        Notification.Texts zh = texts(notice, Locale.SIMPLIFIED_CHINESE);
        Notification.Texts en = texts(notice, Locale.ENGLISH);
        for (UserView user : org.users(new LinkedHashSet<>(recipients)).values()) {
            deliver(user, notice, zh, en);
        }
    }

    /** One notification whose texts the caller worded (they differ by more than the language), and its email. */
    @Transactional(propagation = Propagation.MANDATORY)
    void deliver(UserView user, Notice notice, Notification.Texts zh, Notification.Texts en) {
        Notification n = notifications.save(new Notification(user.id(), notice, zh, en, clock.instant()));
        if (mailEnabled && user.email() != null && !user.email().isBlank()) {
            outbox.save(new MailOutboxEntry(n.getId(), user.email(), n.subject(), n.mailBody(), clock.instant()));
        }
        // The messenger channels that reach the user (own, unit's group robot): see Messengers.
        messengers.enqueue(n.getId(), user, zh, en, notice.kind(), notice.problemId());
    }

    private Notification.Texts texts(Notice notice, Locale locale) {
        String key = "notice." + notice.kind();
        return new Notification.Texts(messages.getMessage(key + ".title", notice.args(), locale),
                messages.getMessage(key + ".body", notice.args(), locale));
    }
}
