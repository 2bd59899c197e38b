package org.rectify.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;
import org.rectify.common.Zones;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.org.OrgDirectory;
import org.rectify.org.UserView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest (每日通知汇总) of the users who chose one: on each working day, from their hour (China time),
 * one email (and message) that lists the notices held for it since their last digest; the notices themselves
 * were in their bell at once, and none of them is also sent singly. A user who went back to being told at once
 * gets what was still held in a digest at the next look. Each user's day is claimed under a unique key (user,
 * day) in the transaction that sends it, so runs that overlap, on one node or several, send it once.
 */
@Service
public class DailyDigests {

    /** The notification kind of a daily digest. */
    public static final String KIND = "DAILY_DIGEST";

    private static final Logger log = LoggerFactory.getLogger(DailyDigests.class);

    /** A user's daily digest was sent: the day and the notices it held. */
    record Sent(AuditEntry auditEntry) implements AuditableEvent {}

    private final NotificationRepository notifications;
    private final NotificationPreferences preferences;
    private final Notifier notifier;
    private final OrgDirectory org;
    private final WorkingDayCalendar calendar;
    private final MessageSource messages;
    private final DigestClaims claims;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    DailyDigests(
            NotificationRepository notifications,
            NotificationPreferences preferences,
            Notifier notifier,
            OrgDirectory org,
            WorkingDayCalendar calendar,
            MessageSource messages,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.notifier = notifier;
        this.org = org;
        this.calendar = calendar;
        this.messages = messages;
        this.claims = DigestClaims.daily(jdbc, tx, log);
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Sends the digests due now to everyone who has not had today's; returns how many were sent. */
    public int sendDue() {
        ZonedDateTime now = clock.instant().atZone(Zones.CHINA);
        LocalDate today = now.toLocalDate();
        if (!calendar.isWorkingDay(today)) {
            return 0;
        }
        Map<Long, Integer> hours = tx.execute(s -> preferences.digestHours());
        Set<Long> due = new LinkedHashSet<>();
        hours.forEach((user, hour) -> {
            if (now.getHour() >= hour) {
                due.add(user);
            }
        });
        for (Long user : tx.execute(s -> notifications.recipientsWithHeld())) {
            if (!hours.containsKey(user)) {
                due.add(user);
            }
        }
        return claims.sendEach(due, today, user -> user, user -> "user " + user, user -> send(user, today));
    }

    /** Claims and sends one user's digest of the day, in the caller's transaction; false if there was none. */
    private boolean send(Long userId, LocalDate day) {
        Instant now = clock.instant();
        List<Notification> held = notifications.heldForDigest(userId, now);
        claims.claim(userId, day, held.size(), now);
        UserView user = org.findUser(userId).orElse(null);
        if (held.isEmpty() || user == null) {
            return false;
        }
        Notification digest = notifications.save(new Notification(
                        userId,
                        new Notice(KIND, null, null),
                        texts(day, held, Locale.SIMPLIFIED_CHINESE),
                        texts(day, held, Locale.ENGLISH),
                        now)
                .alreadyRead());
        notifier.send(user, preferences.of(List.of(userId)).get(userId), digest);
        List<Long> ids = held.stream().map(Notification::getId).toList();
        notifications.released(ids);
        events.publishEvent(new Sent(AuditEntry.of(
                "DAILY_DIGEST_SENT",
                "USER",
                userId,
                null,
                null,
                AuditEntry.state("day", day, "notices", ids.size(), "notificationIds", ids))));
        return true;
    }

    private Notification.Texts texts(LocalDate day, List<Notification> held, Locale locale) {
        int total = held.stream().mapToInt(Notification::notices).sum();
        StringBuilder body = new StringBuilder(text("body", locale, day, held.size(), total));
        for (Notification n : held) {
            body.append('\n')
                    .append(
                            n.notices() > 1
                                    ? text("folded", locale, n.texts(locale).title(), n.notices())
                                    : text("line", locale, n.texts(locale).title()));
        }
        return new Notification.Texts(text("title", locale, day, held.size()), body.toString());
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage("notice." + KIND + "." + key, args, locale);
    }
}
