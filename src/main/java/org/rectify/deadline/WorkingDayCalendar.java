package org.rectify.deadline;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Working days on the official calendar: Monday to Friday, minus statutory holidays, plus the
 * weekend days made working days (调休). Deadline arithmetic in working days goes through here.
 * The few entries are held in memory; this node reloads them after its own changes, and every
 * few minutes to see changes made on other nodes.
 */
@Service
public class WorkingDayCalendar {

    private static final Duration REFRESH = Duration.ofMinutes(5);

    private record Snapshot(Map<LocalDate, DayKind> days, Instant loadedAt) {}

    private final CalendarDayRepository days;
    private final Clock clock;
    private volatile Snapshot snapshot;

    WorkingDayCalendar(CalendarDayRepository days, Clock clock) {
        this.days = days;
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayKind kind = entries().get(date);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek weekday = date.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** The date itself if it is a working day, else the next working day. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The n-th working day after the date (n ≥ 1); for n = 0, {@link #onOrAfter}. */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        LocalDate day = n == 0 ? onOrAfter(date) : date;
        for (int i = 0; i < n; i++) {
            day = onOrAfter(day.plusDays(1));
        }
        return day;
    }

    /** The n-th working day before the date (n ≥ 1). */
    public LocalDate minusWorkingDays(LocalDate date, int n) {
        LocalDate day = date;
        for (int i = 0; i < n; i++) {
            day = day.minusDays(1);
            while (!isWorkingDay(day)) {
                day = day.minusDays(1);
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CalendarChanged change) {
        snapshot = null;
    }

    private Map<LocalDate, DayKind> entries() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.loadedAt().plus(REFRESH).isBefore(now)) {
            current = new Snapshot(
                    days.findAll().stream()
                            .collect(Collectors.toUnmodifiableMap(
                                    d -> d.view().date(), d -> d.view().kind())),
                    now);
            snapshot = current;
        }
        return current.days();
    }
}
