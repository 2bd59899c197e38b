package org.rectify.notification;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.rectify.audit.AuditEntry;
import org.rectify.common.Zones;
import org.rectify.dashboard.Dashboards;
import org.rectify.dashboard.FigureFilter;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.org.CurrentActor;
import org.rectify.org.OrgDirectory;
import org.rectify.org.Role;
import org.rectify.org.UserView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly digest (每周简报). On the first working day of each week, from the configured time (China
 * time), every active leader and office user gets a notification and an email that sum up their scope:
 * the figures come from the dashboard, computed as that user, so that they say what the user's own
 * dashboard says. Each digest is claimed under a unique key (user, week) first in the transaction that
 * writes its notification, email and audit record: runs that overlap, on one node or several, send it
 * once, and any run later that day sends it to whoever has not had it yet.
 */
@Service
public class WeeklyDigests {

    /** The notification kind of a digest. */
    public static final String KIND = "WEEKLY_DIGEST";

    private static final Set<Role> RECIPIENTS = EnumSet.of(Role.LEADER, Role.OFFICE);
    private static final Logger log = LoggerFactory.getLogger(WeeklyDigests.class);

    private final DigestClaims claims;
    private final Notifier notifier;
    private final DigestTexts texts;
    private final Dashboards dashboards;
    private final CurrentActor current;
    private final OrgDirectory org;
    private final WorkingDayCalendar calendar;
    private final DigestSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WeeklyDigests(
            JdbcTemplate jdbc,
            Notifier notifier,
            DigestTexts texts,
            Dashboards dashboards,
            CurrentActor current,
            OrgDirectory org,
            WorkingDayCalendar calendar,
            DigestSettings settings,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.claims = DigestClaims.weekly(jdbc, tx, log);
        this.notifier = notifier;
        this.texts = texts;
        this.dashboards = dashboards;
        this.current = current;
        this.org = org;
        this.calendar = calendar;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Sends this week's digest to everyone who has not had it, if it is due now; returns how many were sent. */
    public int sendDue() {
        ZonedDateTime now = clock.instant().atZone(Zones.CHINA);
        LocalDate week = now.toLocalDate().with(DayOfWeek.MONDAY);
        if (!now.toLocalDate().equals(calendar.onOrAfter(week))
                || now.toLocalTime().isBefore(settings.time())) {
            return 0;
        }
        return claims.sendEach(
                org.activeUsersWithAnyRole(RECIPIENTS),
                week,
                UserView::id,
                UserView::username,
                user -> send(user, week));
    }

    /** Claims and sends one user's digest of the week, in the caller's transaction. */
    private boolean send(UserView user, LocalDate week) {
        claims.claim(user.id(), week, clock.instant());
        Digest digest = current.as(
                user.id(),
                () -> Digest.of(dashboards.dashboard(weekBefore(week)), dashboards.dashboard(FigureFilter.none())));
        notifier.deliver(
                user,
                new Notice(KIND, null, null),
                texts.of(digest, Locale.SIMPLIFIED_CHINESE),
                texts.of(digest, Locale.ENGLISH));
        events.publishEvent(new DigestSent(AuditEntry.of(
                "WEEKLY_DIGEST_SENT",
                "USER",
                user.id(),
                null,
                null,
                AuditEntry.state(
                        "week",
                        week,
                        "registered",
                        digest.registered(),
                        "closed",
                        digest.closed(),
                        "overdue",
                        digest.overdue(),
                        "lowestUnitIds",
                        digest.lowestUnitIds()))));
        return true;
    }

    /** Monday to Sunday of the week before the given one. */
    private static FigureFilter weekBefore(LocalDate week) {
        return new FigureFilter(week.minusDays(1), week.minusDays(7), null, null, null, null, null);
    }
}
